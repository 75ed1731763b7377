// The catalog's schema history: migration N brings the schema from version N-1 to N. Applied
// in order, each in its own transaction, recorded in schema_migrations. Never edit a released
// migration; add a new one. docs/catalog-schema.md describes the resulting schema.
#pragma once

#include <vector>

namespace arkiv::store {

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

const std::vector<Migration>& migrations();

}  // namespace arkiv::store
