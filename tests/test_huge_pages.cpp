// geo::advise_huge_pages: a large fresh block, advised before it is written, is backed by 2 MB
// pages where the kernel's THP mode allows it (HugePages.hpp says what that saves).
#include <catch2/catch.hpp>

#include <sys/mman.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "TestData.hpp"
#include "mirador/geo/HugePages.hpp"

namespace {

// THP's mode as the kernel reports it: "always", "madvise" or "never" (bracketed in the file).
std::string thp_mode() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    std::getline(in, line);
    const auto open = line.find('['), close = line.find(']');
    return open == std::string::npos || close == std::string::npos ? "" : line.substr(open + 1, close - open - 1);
}

// AnonHugePages of the mapping that holds `p`, in kB, from /proc/self/smaps.
long huge_kb_at(const void* p) {
    std::ifstream in("/proc/self/smaps");
    std::string line;
    bool inside = false;
    const auto at = reinterpret_cast<std::uintptr_t>(p);
    while (std::getline(in, line)) {
        unsigned long lo = 0, hi = 0;
        if (std::sscanf(line.c_str(), "%lx-%lx ", &lo, &hi) == 2 && line.find(':') > line.find(' ')) {
            inside = at >= lo && at < hi;
            continue;
        }
        if (inside && line.rfind("AnonHugePages:", 0) == 0) return std::stol(line.substr(14));
    }
    return -1;
}

}  // namespace

TEST_CASE("huge-page advice: a large fresh block gets 2 MB pages where the kernel allows them", "[core][memory]") {
    const std::string mode = thp_mode();
    if (mode != "always" && mode != "madvise") SKIP_TEST("transparent huge pages are off here (mode '" + mode + "')");
    constexpr std::size_t bytes = std::size_t{32} << 20;
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(p != MAP_FAILED);
    mirador::geo::advise_huge_pages(p, bytes);
    std::memset(p, 1, bytes);
    const long huge = huge_kb_at(p);
    INFO("THP mode " << mode << ", AnonHugePages " << huge << " kB of " << (bytes >> 10) << " kB");
    // Not every 2 MB page may be granted (fragmented memory); most of a 32 MB block is.
    CHECK(huge >= 16 * 1024);
    ::munmap(p, bytes);

    // A small block is left alone, and a null pointer is harmless.
    mirador::geo::advise_huge_pages(nullptr, bytes);
    char small[4096];
    mirador::geo::advise_huge_pages(small, sizeof small);
}
