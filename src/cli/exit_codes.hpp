// The exit codes, as documented in the README and in --help.
#pragma once

namespace advise::cli {

enum ExitCode : int {
  k_exit_ok = 0,     // advice given; check said ok or caution
  k_exit_avoid = 1,  // check said avoid (or caution, with --strict)
  k_exit_usage = 2,  // usage or input error, or output could not be written
};

inline constexpr const char* k_exit_codes_help =
    "Exit status:\n"
    "  0  advice given; for check: ok or caution; for batch: every row advised\n"
    "  1  check: avoid (with --strict: caution too); batch: some rows rejected\n"
    "  2  usage or input error, or the output could not be written\n";

// For the commands that only print (rules, explain, conditions).
inline constexpr const char* k_exit_codes_help_print =
    "Exit status:\n"
    "  0  printed\n"
    "  2  usage error (for explain, an unknown rule id), or the output could not be written\n";

}  // namespace advise::cli
