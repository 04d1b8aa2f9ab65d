// berth CLI entry point: wiring of commands to the pipeline stages (no logic of its own).
#include <cstdio>
int main() { std::puts("berth: under construction"); return 0; }
