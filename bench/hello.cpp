// Baseline for bench/startup.sh: the cheapest C++ program that still pulls
// in libstdc++ and runs the <iostream> static initialisers.
#include <iostream>

int main() {
    std::cout << "hello\n";
    return 0;
}
