// The executable is a thin wrapper: everything happens in cli::run.
#include "app.hpp"

int main(int argc, char** argv) { return advise::cli::run(argc, argv); }
