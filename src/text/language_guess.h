// A small language guesser for text that does not say its language. It can tell a script that
// belongs to one language (Greek, Korean Hangul, Japanese kana, Georgian, Armenian, Thai, Han
// as Chinese) and, by counting stop words, English, French, German, Spanish, Albanian (Latin
// script) and Russian (Cyrillic). It cannot tell any other language, mixed-language text, or
// text with fewer than 3 stop words: then it returns nothing. Pure function, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace arkiv::text {

// ISO 639-1 code of the language `utf8` is most likely in, or nothing if it cannot tell.
std::optional<std::string> guess_language(std::string_view utf8);
// True if guess_language can recognise `code` (canonical ISO 639-1), so that a different guess
// for a text declared in it is evidence against the declaration rather than a blind spot.
bool can_guess_language(std::string_view code);

}  // namespace arkiv::text
