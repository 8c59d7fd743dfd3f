#include "mirador/geo/StringPool.hpp"

#include <algorithm>
#include <cstring>

namespace mirador::geo {

namespace {
constexpr std::size_t kBlockSize = 64 * 1024;

// Interned texts are short (names, dates): eight bytes at a time with a multiply-xorshift mix,
// inline, instead of std::hash's out-of-line byte hash.
std::uint64_t text_hash(std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 29;
    h *= 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
}

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

std::size_t StringPool::memory_bytes() const {
    std::size_t b = blocks_.capacity() * sizeof(blocks_[0]) + strings_.capacity() * sizeof(strings_[0]);
    b += blocks_.size() > 0 ? (blocks_.size() - 1) * kBlockSize + block_size_ : 0;  // close enough: long
                                                                                  // text has its own block
    return b + table_.capacity() * sizeof(table_[0]);
}

std::uint32_t StringPool::add(std::string_view text) {
    if (text.empty()) return kEmpty;
    strings_.push_back(store(text));
    return static_cast<std::uint32_t>(strings_.size() - 1);
}

std::uint32_t StringPool::intern(std::string_view text) {
    if (text.empty()) return kEmpty;
    if (2 * (table_used_ + 1) > table_.size()) grow_table();
    const std::size_t n = text.size();
    const char* const p = text.data();
    // First and last eight bytes (overlapping below 16; zero-padded below 8).
    std::uint64_t head = 0, tail = 0;
    if (n >= 8) {
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + n - 8, 8);
    } else {
        for (std::size_t i = 0; i < n; ++i) head |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    }
    std::uint64_t h;
    if (n <= 16) {
        h = (head ^ 0x9E3779B97F4A7C15ull) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
        h = (h ^ tail ^ (std::uint64_t{n} << 56)) * 0xC4CEB9FE1A85EC53ull;
        h ^= h >> 29;
        h *= 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    } else {
        h = text_hash(text);
    }
    Slot& e = table_[find_slot(h, static_cast<std::uint32_t>(n), head, tail, p)];
    if (e.id != 0) return e.id;
    e.id = add(text);
    e.hash = h;
    e.size = static_cast<std::uint32_t>(n);
    e.head = head;
    e.tail = tail;
    ++table_used_;
    return e.id;
}

std::size_t StringPool::find_slot(std::uint64_t hash, std::uint32_t size, std::uint64_t head, std::uint64_t tail,
                                  const char* text) const {
    const std::size_t mask = table_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const Slot& e = table_[slot];
        if (e.id == 0) return slot;
        if (e.hash == hash && e.size == size && e.head == head && e.tail == tail &&
            (size <= 16 || std::memcmp(strings_[e.id].data(), text, size) == 0))
            return slot;
    }
}

std::uint32_t StringPool::append(StringPool&& other) {
    // Other's blocks join ours, ahead of our open block, which stays last for store().
    if (!other.blocks_.empty()) {
        std::unique_ptr<char[]> open;
        if (!blocks_.empty()) {
            open = std::move(blocks_.back());
            blocks_.pop_back();
        }
        for (auto& b : other.blocks_) blocks_.push_back(std::move(b));
        if (open) blocks_.push_back(std::move(open));
        else block_used_ = block_size_ = 0;  // no open block: the next store() opens one
    }
    bytes_ += other.bytes_;
    const auto shift = static_cast<std::uint32_t>(strings_.size() - 1);
    strings_.insert(strings_.end(), other.strings_.begin() + 1, other.strings_.end());
    // Only the distinct interned texts are looked up (a few thousand in a catalogue), not the
    // millions of ids and notes.
    for (const Slot& e : other.table_) {
        if (e.id == 0) continue;
        if (2 * (table_used_ + 1) > table_.size()) grow_table();
        Slot& here = table_[find_slot(e.hash, e.size, e.head, e.tail, other.strings_[e.id].data())];
        if (here.id == 0) {
            here = e;
            here.id = e.id + shift;
            ++table_used_;
        }
    }
    other = StringPool();
    return shift;
}

void StringPool::grow_table() {
    std::vector<Slot> old(std::max<std::size_t>(64, table_.size() * 2));
    old.swap(table_);
    const std::size_t mask = table_.size() - 1;
    for (const Slot& e : old) {
        if (e.id == 0) continue;
        std::size_t slot = e.hash & mask;
        while (table_[slot].id != 0) slot = (slot + 1) & mask;
        table_[slot] = e;
    }
}

}  // namespace mirador::geo
