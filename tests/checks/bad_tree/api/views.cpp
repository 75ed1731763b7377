// Fixture for layers_selftest.sh.
#include "index/internal/scheme.h"
#include <boost/beast/http.hpp>
