#include "mirador/geo/InputPath.hpp"

#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

namespace mirador::geo {

bool is_connection_string(const std::string& path) {
    return path.rfind("PG:", 0) == 0 || path.find("://") != std::string::npos || path.rfind("/vsi", 0) == 0;
}

std::string display_name(const std::string& path) {
    std::string out = path;
    for (std::size_t at = 0; (at = out.find("password=", at)) != std::string::npos;) {
        std::size_t v = at + 9, end = v;
        if (end < out.size() && out[end] == '\'') {
            end = out.find('\'', end + 1);
            end = end == std::string::npos ? out.size() : end + 1;
        } else {
            while (end < out.size() && out[end] != ' ') ++end;
        }
        out.replace(v, end - v, "***");
        at = v + 3;
    }
    return out;
}

Result<bool> check_input_path(const std::string& path, FolderPolicy folders) {
    if (path.empty()) return make_error("no file given");
    if (is_connection_string(path)) return true;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        if (err == ELOOP) return make_error(path + ": a loop of symbolic links (a link that leads back to itself)");
        if (err == ENOENT) {
            struct stat lst {};
            if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode))
                return make_error(path + ": a symbolic link to a file that does not exist");
            return make_error(path + ": no such file");
        }
        if (err == EACCES) return make_error(path + ": permission denied");
        if (err == ENOTDIR) return make_error(path + ": no such file (a part of the path is not a folder)");
        return make_error(path + ": cannot read: " + std::strerror(err));
    }
    if (S_ISDIR(st.st_mode)) {
        if (folders == FolderPolicy::Allow) return true;
        return make_error(path + ": is a folder, not a file");
    }
    if (!S_ISREG(st.st_mode)) {
        const char* what = S_ISFIFO(st.st_mode) ? "a named pipe (FIFO)"
                           : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                           : S_ISSOCK(st.st_mode)                      ? "a socket"
                                                                       : "not a regular file";
        return make_error(path + ": is " + std::string(what) + ", not a regular file; give a file (reading it would block)");
    }
    if (::access(path.c_str(), R_OK) != 0) return make_error(path + ": permission denied");
    return true;
}

}  // namespace mirador::geo
