#include "mirador/geo/StringPool.hpp"

#include <cstring>

namespace mirador::geo {

namespace {
constexpr std::size_t kBlockSize = 64 * 1024;
}

StringPool::StringPool() { strings_.emplace_back(); }

std::string_view StringPool::store(std::string_view text) {
    if (text.size() > block_size_ - block_used_) {
        // Long text gets a block of its own; the current block stays open for short text.
        if (text.size() > kBlockSize / 4) {
            blocks_.push_back(std::make_unique<char[]>(text.size()));
            std::memcpy(blocks_.back().get(), text.data(), text.size());
            const std::string_view v(blocks_.back().get(), text.size());
            if (blocks_.size() >= 2) std::swap(blocks_[blocks_.size() - 1], blocks_[blocks_.size() - 2]);
            bytes_ += text.size();
            return v;
        }
        blocks_.push_back(std::make_unique<char[]>(kBlockSize));
        block_used_ = 0;
        block_size_ = kBlockSize;
    }
    char* dst = blocks_.back().get() + block_used_;
    std::memcpy(dst, text.data(), text.size());
    block_used_ += text.size();
    bytes_ += text.size();
    return {dst, text.size()};
}

std::uint32_t StringPool::add(std::string_view text) {
    if (text.empty()) return kEmpty;
    strings_.push_back(store(text));
    return static_cast<std::uint32_t>(strings_.size() - 1);
}

std::uint32_t StringPool::intern(std::string_view text) {
    if (text.empty()) return kEmpty;
    if (auto it = interned_.find(text); it != interned_.end()) return it->second;
    const std::uint32_t id = add(text);
    interned_.emplace(strings_[id], id);
    return id;
}

}  // namespace mirador::geo
