/*
 * libLibTorchSharp.so (TorchSharp 0.107) was linked with GCC 13 and references
 * std::ios_base_library_init() at GLIBCXX_3.4.32, which Debian 12's libstdc++ (GCC 12)
 * lacks. libtorch's own static initialisers already set up iostreams, so a no-op suffices.
 */
void _ZSt21ios_base_library_initv(void) {}
