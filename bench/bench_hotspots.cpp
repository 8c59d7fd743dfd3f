// Hot spot analysis, whole process against whole process, in one run:
//
//   bench_hotspots --data DIR [--mirador PATH] [--repeat 3] [--year 2010]
//       mirador hotspots (Gi* + local Moran, 999 permutations each, global Moran, EB rates) on
//       INEGI's homicides of a year, against R spdep (bench/hotspots-spdep.R: localG_perm and
//       localmoran_perm, nsim = 999), both from reading 00mun.shp and the table to a CSV; the
//       runs alternate, medians and the ratio are printed
// Load on the machine slows both; the CPU time (user + system) of each is printed beside the wall
// time, the ratio of wall times is the target's.
//   ... --emerging       also mirador emerging over ten years of months (2006-2015, 120 periods)
//   ... --incidents FILE also mirador hotspots on an incident CSV (e.g. bench_incidents --rows
//                        10000000 --keep), by municipality and by 10 km hexagons
//
// Times are wall clock of the child process (fork, exec, wait), peak RSS from its rusage.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "BenchSupport.hpp"

namespace {

struct Timing {
    double seconds = 0;
    double cpu = 0;  // user + system of the child
    long peak_mb = 0;
    int status = 0;
};

Timing run(const std::vector<std::string>& argv) {
    std::fflush(stdout);  // the child must not inherit (and write again) what is buffered
    const auto t = mirador::bench::Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        if (const char* v = std::getenv("BENCH_VERBOSE"); !v || !*v) {
            std::freopen("/dev/null", "w", stdout);
            std::freopen("/dev/null", "w", stderr);
        }
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage u{};
    wait4(pid, &status, 0, &u);
    const double cpu = static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
                       static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
    return {mirador::bench::s_since(t), cpu, u.ru_maxrss / 1024, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::string data, mirador = MIRADOR_BENCH_EXE, incidents, year = "2010";
    int repeat = 3;
    bool emerging = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--data" && i + 1 < argc) data = argv[++i];
        else if (a == "--mirador" && i + 1 < argc) mirador = argv[++i];
        else if (a == "--repeat" && i + 1 < argc) repeat = std::stoi(argv[++i]);
        else if (a == "--year" && i + 1 < argc) year = argv[++i];
        else if (a == "--incidents" && i + 1 < argc) incidents = argv[++i];
        else if (a == "--emerging") emerging = true;
        else {
            std::fprintf(stderr, "usage: bench_hotspots --data DIR [--mirador PATH] [--repeat N] [--year Y] [--emerging] "
                                 "[--incidents FILE]\n");
            return 2;
        }
    }
    if (data.empty()) return std::fprintf(stderr, "bench_hotspots: --data DIR (with mx/00mun.shp) is required\n"), 2;
    const std::string table = data + "/incidents/inegi_homicide_deaths_mun_month_1990_2015.csv";
    const std::string shp = data + "/mx/00mun.shp";
    const std::string tmp = "/tmp/bench-hotspots-" + std::to_string(getpid());
    const std::vector<std::string> ours = {mirador, "hotspots", "--boundaries", shp, "--counts", table, "--from", year,
                                           "--to", year, "--statistic", "both", "--permutations", "999",
                                           "--out", tmp + "-mirador.csv"};
    const std::vector<std::string> theirs = {"Rscript", MIRADOR_BENCH_DIR "/hotspots-spdep.R", data, year,
                                             tmp + "-spdep.csv"};
    std::vector<double> t_ours, t_theirs, c_ours, c_theirs;
    long rss_ours = 0, rss_theirs = 0;
    for (int k = 0; k < repeat; ++k) {
        const Timing a = run(ours), b = run(theirs);
        if (a.status != 0 || b.status != 0) {
            std::fprintf(stderr, "bench_hotspots: a run failed (mirador %d, Rscript %d); BENCH_VERBOSE=1 shows why\n",
                         a.status, b.status);
            return 1;
        }
        t_ours.push_back(a.seconds);
        t_theirs.push_back(b.seconds);
        c_ours.push_back(a.cpu);
        c_theirs.push_back(b.cpu);
        rss_ours = std::max(rss_ours, a.peak_mb);
        rss_theirs = std::max(rss_theirs, b.peak_mb);
        std::printf("run %d: mirador %.3f s (CPU %.3f s), R spdep %.3f s (CPU %.3f s)\n", k + 1, a.seconds, a.cpu,
                    b.seconds, b.cpu);
    }
    const double mo = median(t_ours), mt = median(t_theirs);
    std::printf("hotspots, %s, 2,469 municipalities, Gi* + local Moran x 999 permutations, whole process:\n", year.c_str());
    std::printf("  mirador hotspots  %.3f s median (peak RSS %ld MB)\n", mo, rss_ours);
    std::printf("  R spdep           %.3f s median (peak RSS %ld MB)\n", mt, rss_theirs);
    std::printf("  ratio             %.1fx wall (CPU time: %.3f s vs %.3f s, %.1fx)\n", mt / mo, median(c_ours),
                median(c_theirs), median(c_theirs) / median(c_ours));

    if (emerging) {
        std::vector<double> t;
        for (int k = 0; k < repeat; ++k) {
            const Timing a = run({mirador, "emerging", "--boundaries", shp, "--counts", table, "--from", "2006-01",
                                  "--to", "2015-12", "--step", "month", "--out", tmp + "-emerging.csv"});
            if (a.status != 0) return std::fprintf(stderr, "bench_hotspots: emerging failed (%d)\n", a.status), 1;
            t.push_back(a.seconds);
        }
        std::printf("emerging, 2,469 municipalities x 120 months (2006-2015), whole process: %.3f s median\n", median(t));
    }
    if (!incidents.empty()) {
        for (const char* by : {"municipality", "hex:10"}) {
            const Timing a = run({mirador, "hotspots", "--incidents", incidents, "--by", by, "--permutations", "999",
                                  "--out", tmp + "-incidents.csv"});
            if (a.status != 0) return std::fprintf(stderr, "bench_hotspots: hotspots on %s failed (%d)\n", incidents.c_str(), a.status), 1;
            std::printf("hotspots on %s by %s (load, place, aggregate, 999 permutations), whole process: %.2f s, peak RSS %ld MB\n",
                        incidents.c_str(), by, a.seconds, a.peak_mb);
        }
    }
    for (const char* s : {"-mirador.csv", "-spdep.csv", "-emerging.csv", "-incidents.csv"}) std::remove((tmp + s).c_str());
    return 0;
}
