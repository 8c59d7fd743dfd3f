#pragma once
// Large fresh buffers asked to be backed by 2 MB pages (transparent huge pages).
//
// Why: on this project's machines (a VM whose page-fault path is slow) and on any kernel whose
// THP mode is "madvise" (Ubuntu's default, and this VM's), a 30 MB buffer costs 7,000 faults of
// 4 KB when first written. Measured on `mirador density` over 1M points (2-core EPYC VM, quiet):
// 1.82 s wall with 4 KB pages, 1.09 s with glibc's `glibc.malloc.hugetlb=1` tunable, which does
// this for every malloc'd block; the surface alone went from 0.35 s to 0.12 s. The tunable must be
// set before the process starts, so the program advises its own large blocks instead.
#include <cstddef>

namespace mirador::geo {

// Below this a block is not worth a system call (and cannot hold an aligned 2 MB page anyway).
inline constexpr std::size_t kHugePageWorthy = std::size_t{4} << 20;

// Asks the kernel to back [p, p + bytes) with huge pages where whole 2 MB pages fit; a no-op for
// small blocks and where THP is off. Call it before the block is first written: pages already
// touched keep their size.
void advise_huge_pages(void* p, std::size_t bytes) noexcept;

}  // namespace mirador::geo
