// Fixture for layers_selftest.sh: the store may include SQLite, not ICU.
#include <sqlite3.h>
#include <unicode/uchar.h>
