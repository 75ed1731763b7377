// Fixture for layers_selftest.sh.
#include <sqlite3.h>
int n = store::Catalog::kVersion;
