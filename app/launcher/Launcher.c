/* The `mirador` command: starts the program itself (<prefix>/libexec/mirador-program) with glibc's
 * malloc told to back its blocks with 2 MB pages (GLIBC_TUNABLES=glibc.malloc.hugetlb=1).
 *
 * Why: page faults are dear on this project's machines (a fifth of a 4K snapshot's time went to
 * them), and most of its fresh memory is Mesa's framebuffer and GDAL's buffers, which our own
 * operator new (LargeAllocations.cpp) never sees; with the tunable a 4K snapshot of all the
 * boundaries takes 15,000 page faults instead of 37,000. glibc reads its tunables only from the
 * environment at start-up, and a program re-executing itself from main() would load its 127
 * shared libraries twice (about 0.07 s); this file needs only libc. bench/bench_mapnik times
 * the whole process, launcher included.
 *
 * A tunable the user has set (even glibc.malloc.hugetlb=0) is left as it is. argv goes through
 * unchanged, so messages and --help still name the command as it was typed. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char kHugePages[] = "glibc.malloc.hugetlb=1";

/* GLIBC_TUNABLES with kHugePages added, unless the user already chose a value for it. */
static int ask_for_huge_pages(void) {
    const char* set = getenv("GLIBC_TUNABLES");
    if (!set || !*set) return setenv("GLIBC_TUNABLES", kHugePages, 1);
    if (strstr(set, "glibc.malloc.hugetlb=")) return 0;
    const size_t n = strlen(set) + 1 + sizeof kHugePages;
    char* joined = malloc(n);
    if (!joined) return -1;
    snprintf(joined, n, "%s:%s", set, kHugePages);
    const int r = setenv("GLIBC_TUNABLES", joined, 1);
    free(joined);
    return r;
}

int main(int argc, char** argv) {
    (void)argc;
    char self[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        fprintf(stderr, "mirador: cannot find where this program is (/proc/self/exe: %s)\n", strerror(errno));
        return 127;
    }
    self[n] = '\0';
    char* slash = strrchr(self, '/');
    if (slash) *slash = '\0';
    char program[PATH_MAX + 32];
    snprintf(program, sizeof program, "%s/../libexec/mirador-program", self);
    if (ask_for_huge_pages() != 0)
        fprintf(stderr, "mirador: warning: could not set GLIBC_TUNABLES (%s); starting without huge pages\n",
                strerror(errno));
    execv(program, argv);
    fprintf(stderr, "mirador: cannot start %s: %s (reinstall Mirador)\n", program, strerror(errno));
    return 127;
}
