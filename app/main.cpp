// mirador: the viewer (no command) and its command-line tools. See cli/CommandLine.hpp.
#include "cli/CommandLine.hpp"

int main(int argc, char** argv) { return mirador::run_mirador(argc, argv); }
