#include "mirador/geo/MappedFile.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <mutex>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mirador::geo {

namespace {

// The live mappings, as the signal handler sees them: plain atomics, no locks, no allocation.
constexpr int kSlots = 64;
struct Slot {
    std::atomic<std::uintptr_t> begin{0}, end{0};
    std::atomic<bool> hit{false};
};
Slot g_slots[kSlots];
struct sigaction g_previous {};
std::once_flag g_installed;

void on_sigbus(int sig, siginfo_t* info, void* context) {
    const auto addr = reinterpret_cast<std::uintptr_t>(info->si_addr);
    for (Slot& s : g_slots) {
        const std::uintptr_t b = s.begin.load(std::memory_order_acquire), e = s.end.load(std::memory_order_acquire);
        if (b != 0 && addr >= b && addr < e) {
            const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
            // mmap is a plain system call here: safe in a handler in practice on Linux.
            void* p = ::mmap(reinterpret_cast<void*>(addr & ~(page - 1)), page, PROT_READ,
                             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
            if (p != MAP_FAILED) {
                s.hit.store(true, std::memory_order_release);
                return;  // the read is retried and finds zeros
            }
        }
    }
    // Not ours: whatever was there before decides (by default, the process ends with SIGBUS).
    if (g_previous.sa_flags & SA_SIGINFO) {
        if (g_previous.sa_sigaction) g_previous.sa_sigaction(sig, info, context);
        return;
    }
    if (g_previous.sa_handler == SIG_IGN) return;
    if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler) {
        g_previous.sa_handler(sig);
        return;
    }
    ::signal(SIGBUS, SIG_DFL);
    ::raise(SIGBUS);
}

void install_handler() {
    struct sigaction sa {};
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGBUS, &sa, &g_previous);
}

int claim_slot(std::uintptr_t begin, std::uintptr_t end) {
    for (int i = 0; i < kSlots; ++i) {
        std::uintptr_t expected = 0;
        if (g_slots[i].begin.compare_exchange_strong(expected, begin)) {
            g_slots[i].hit.store(false);
            g_slots[i].end.store(end, std::memory_order_release);
            return i;
        }
    }
    return -1;
}

long mtime_ns(const struct stat& st) { return st.st_mtim.tv_sec * 1000000000L + st.st_mtim.tv_nsec; }

}  // namespace

Result<MappedFile> MappedFile::open(const std::string& path) {
    std::call_once(g_installed, install_handler);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return make_error(path + ": cannot open: " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
        ::close(fd);
        return make_error(path + ": not a regular, non-empty file");
    }
    MappedFile m;
    m.path_ = path;
    m.size_ = static_cast<std::size_t>(st.st_size);
    m.mtime_ns_ = mtime_ns(st);
    m.data_ = ::mmap(nullptr, m.size_, PROT_READ, MAP_PRIVATE, fd, 0);
    m.fd_ = fd;  // kept: changed() asks about this file, even if another now has its name
    if (m.data_ == MAP_FAILED) {
        m.data_ = nullptr;
        return make_error(path + ": cannot map: " + std::strerror(errno));
    }
    const auto begin = reinterpret_cast<std::uintptr_t>(m.data_);
    m.slot_ = claim_slot(begin, begin + m.size_);
    if (m.slot_ < 0) return make_error(path + ": too many files mapped at once");
    ::madvise(m.data_, m.size_, MADV_SEQUENTIAL);
    return m;
}

MappedFile::MappedFile(MappedFile&& o) noexcept
    : path_(std::move(o.path_)), data_(o.data_), size_(o.size_), mtime_ns_(o.mtime_ns_), fd_(o.fd_), slot_(o.slot_) {
    o.data_ = nullptr;
    o.fd_ = -1;
    o.slot_ = -1;
}

MappedFile::~MappedFile() {
    if (slot_ >= 0) {
        g_slots[slot_].end.store(0, std::memory_order_release);
        g_slots[slot_].begin.store(0, std::memory_order_release);
    }
    if (data_) ::munmap(data_, size_);
    if (fd_ >= 0) ::close(fd_);
}

bool MappedFile::changed() const {
    if (slot_ >= 0 && g_slots[slot_].hit.load(std::memory_order_acquire)) return true;
    // The mapped file itself: replaced by a rename, what was mapped is still whole and
    // consistent; rewritten in place, its size or time has moved.
    struct stat st {};
    if (::fstat(fd_, &st) != 0) return true;
    return static_cast<std::size_t>(st.st_size) != size_ || mtime_ns(st) != mtime_ns_;
}

void MappedFile::release(std::size_t from, std::size_t to) const {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    from = (from + page - 1) & ~(page - 1);
    to &= ~(page - 1);
    if (to > from) ::madvise(static_cast<char*>(data_) + from, to - from, MADV_DONTNEED);
}

}  // namespace mirador::geo
