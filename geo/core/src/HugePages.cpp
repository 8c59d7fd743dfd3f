#include "mirador/geo/HugePages.hpp"

#include <cstdint>

#include <sys/mman.h>

namespace mirador::geo {

void advise_huge_pages(void* p, std::size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
    if (p == nullptr || bytes < kHugePageWorthy) return;
    constexpr std::uintptr_t kPage = 4096;  // madvise wants a page-aligned start
    const auto begin = (reinterpret_cast<std::uintptr_t>(p) + kPage - 1) & ~(kPage - 1);
    const auto end = reinterpret_cast<std::uintptr_t>(p) + bytes;
    // Failure (THP not built in, a kernel that refuses) leaves ordinary pages: nothing to report.
    (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)p, (void)bytes;
#endif
}

}  // namespace mirador::geo
