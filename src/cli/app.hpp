// The whole command line: builds the App, parses, runs the command, and is the
// one place that turns a parse error into "advise: error: ..." and exit 2.
#pragma once

namespace advise::cli {

int run(int argc, char** argv);

}  // namespace advise::cli
