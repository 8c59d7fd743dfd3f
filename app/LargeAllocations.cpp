// The program's global operator new: as the standard library's (malloc, std::bad_alloc), plus
// huge-page advice for large blocks (geo/HugePages.hpp says why and what it saved). Vectors of a
// million incidents, density grids and image rows all come through here, so no container type
// changes. Left out under AddressSanitizer, whose own operator new checks new/delete pairs.
#include <cstdlib>
#include <new>

#include "mirador/geo/HugePages.hpp"

// GCC says __SANITIZE_ADDRESS__, clang (the sanitizer build's compiler) __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define MIRADOR_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MIRADOR_UNDER_ASAN 1
#endif
#endif

#if !defined(MIRADOR_UNDER_ASAN)

namespace {

void* allocate(std::size_t bytes) {
    for (;;) {
        if (void* p = std::malloc(bytes == 0 ? 1 : bytes)) {
            mirador::geo::advise_huge_pages(p, bytes);
            return p;
        }
        std::new_handler handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

void* allocate_aligned(std::size_t bytes, std::align_val_t alignment) {
    const auto a = static_cast<std::size_t>(alignment);
    const std::size_t rounded = (bytes + a - 1) / a * a;  // aligned_alloc wants a multiple
    for (;;) {
        if (void* p = std::aligned_alloc(a, rounded == 0 ? a : rounded)) {
            mirador::geo::advise_huge_pages(p, bytes);
            return p;
        }
        std::new_handler handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

}  // namespace

void* operator new(std::size_t bytes) { return allocate(bytes); }
void* operator new[](std::size_t bytes) { return allocate(bytes); }
void* operator new(std::size_t bytes, const std::nothrow_t&) noexcept {
    try {
        return allocate(bytes);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t bytes, const std::nothrow_t&) noexcept {
    try {
        return allocate(bytes);
    } catch (...) {
        return nullptr;
    }
}
void* operator new(std::size_t bytes, std::align_val_t a) { return allocate_aligned(bytes, a); }
void* operator new[](std::size_t bytes, std::align_val_t a) { return allocate_aligned(bytes, a); }

void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

#endif
