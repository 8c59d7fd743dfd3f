#pragma once
// A small file browser of our own (Debian packages no file-dialog library for ImGui): a folder's
// folders and the files with the wanted extensions, a path box, Up, and Open or Save. Shown as a
// modal popup; draw() returns the chosen path once.
#include <optional>
#include <string>
#include <vector>

namespace mirador {

class FileBrowser {
public:
    enum class Mode { Open, Save };

    // Shows the browser from the next draw(). `extensions` (".mirador", ".csv" ...): the files
    // listed; empty: every file. `name`: the file name proposed when saving.
    void open(Mode mode, std::string title, std::vector<std::string> extensions, std::string folder,
              std::string name = {});
    std::optional<std::string> draw();
    bool is_open() const { return open_; }

private:
    struct Entry {
        std::string name;
        bool folder;
    };
    void list();

    Mode mode_ = Mode::Open;
    std::string title_;
    std::vector<std::string> extensions_;
    std::string folder_;
    std::string name_;
    std::vector<Entry> entries_;
    std::string error_;
    bool open_ = false, popup_opened_ = false, confirm_overwrite_ = false;
};

}  // namespace mirador
