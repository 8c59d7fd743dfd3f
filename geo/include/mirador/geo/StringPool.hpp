#pragma once
// Text kept out of the hot columns: one arena of characters, strings named by a 32-bit id.
// Repeated text (places, states, actors, sources) is interned so a catalogue of a hundred
// thousand incidents in a few hundred municipalities stores each name once; unique text
// (notes, ids) is appended without the look-up.
#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mirador::geo {

class StringPool {
public:
    static constexpr std::uint32_t kEmpty = 0;  // the id of "", always present

    StringPool();
    StringPool(StringPool&&) noexcept = default;
    StringPool& operator=(StringPool&&) noexcept = default;

    std::uint32_t add(std::string_view text);     // a new id every time (except for "")
    std::uint32_t intern(std::string_view text);  // the same text gets the same id

    std::string_view get(std::uint32_t id) const { return strings_[id]; }
    std::size_t size() const { return strings_.size(); }
    std::size_t bytes_used() const { return bytes_; }

private:
    std::string_view store(std::string_view text);

    // Characters live in blocks that never move, so the views (and the intern table's keys)
    // stay valid as the pool grows and when it is moved.
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t block_used_ = 0, block_size_ = 0;
    std::size_t bytes_ = 0;
    std::vector<std::string_view> strings_;
    std::unordered_map<std::string_view, std::uint32_t> interned_;
};

}  // namespace mirador::geo
