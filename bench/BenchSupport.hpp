#pragma once
// Timing and memory readings every benchmark prints.
#include <sys/resource.h>

#include <chrono>

namespace mirador::bench {

using Clock = std::chrono::steady_clock;

inline double s_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// This process's peak resident set so far, in MB.
inline long peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

}  // namespace mirador::bench
