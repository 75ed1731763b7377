// Fixture for layers_selftest.sh.
#pragma once
