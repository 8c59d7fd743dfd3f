#pragma once
// Text kept out of the hot columns: one arena of characters, strings named by a 32-bit id.
// Repeated text (places, states, actors, sources) is interned so a catalogue of a hundred
// thousand incidents in a few hundred municipalities stores each name once; unique text
// (notes, ids) is appended without the look-up.
#include <cstdint>
#include <memory>
#include <string_view>
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

    // Takes over `other`'s text (its blocks move, not its characters): its id k > 0 is id
    // k + the returned shift here (kEmpty stays kEmpty), so ids stored elsewhere are fixed with an
    // addition, not a table. What `other` interned is interned here too; text both had interned
    // keeps two copies, both valid, and intern() returns this pool's.
    std::uint32_t append(StringPool&& other);
    // Room for n strings (an estimate; more can still be added).
    void reserve(std::size_t n) { strings_.reserve(n); }

    std::string_view get(std::uint32_t id) const { return strings_[id]; }
    std::size_t size() const { return strings_.size(); }
    std::size_t bytes_used() const { return bytes_; }
    // Heap held: character blocks, the id table, and an estimate of the intern table's nodes.
    std::size_t memory_bytes() const;

private:
    std::string_view store(std::string_view text);
    void grow_table();
    // The slot holding this text, or the empty slot where it would go.
    std::size_t find_slot(std::uint64_t hash, std::uint32_t size, std::uint64_t head, std::uint64_t tail,
                          const char* text) const;

    // Characters live in blocks that never move, so the views (and the intern table's keys)
    // stay valid as the pool grows and when it is moved.
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t block_used_ = 0, block_size_ = 0;
    std::size_t bytes_ = 0;
    std::vector<std::string_view> strings_;
    // The intern table: open addressing with linear probing, at most half full. A slot holds the
    // text's hash (high 32 bits) and its id (low 32 bits); 0 is empty, since id 0 ("") is never
    // in it. Flat slots instead of std::unordered_map's nodes: loading millions of incidents
    // interns several fields per row, and chasing a node per look-up was a fifth of the load.
    // Open addressing; each slot holds the text's hash, size, id and first and last eight bytes
    // (all of it up to 16 bytes, most interned text), so a look-up compares without touching
    // strings_ or the text (scattered among ids and notes: at 10M rows, cache misses).
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t size = 0;
        std::uint32_t id = 0;  // 0: empty slot ("" is never in the table)
        std::uint64_t head = 0, tail = 0;
    };
    std::vector<Slot> table_;
    std::size_t table_used_ = 0;
};

}  // namespace mirador::geo
