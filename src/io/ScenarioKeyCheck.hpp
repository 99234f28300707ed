#pragma once
// Internal to dermasim_io: rejects tables and keys the schema does not know, before any value is
// read, so a misspelt key is reported as such rather than as a missing or defaulted one.

#include <toml++/toml.h>

#include "io/TomlValues.hpp"

namespace dermasim {

// Also checks that each known table is a table and [[session]] is an array of tables.
void checkKnownKeys(const toml::table& root, const ValueChecker& check);

// [[session]] may be given at most as many times as schedule.sessions allows (60), checked
// before the sessions are read one by one, so that 100,000 of them cost no time.
void checkSessionCount(const toml::array& sessions, const ValueChecker& check);

}  // namespace dermasim
