// Fixture for layers_selftest.sh.
#include "archive/archive.h"
#include "web/pages.h"
