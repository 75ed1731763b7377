// Fixture for layers_selftest.sh: every line here breaks a layering rule.
#include <xapian.h>
#include "index/search_index.h"
void f() { arkiv::index::SearchQuery q; }
