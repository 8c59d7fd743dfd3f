#include "mirador/geo/RleDeflate.hpp"

#include <libdeflate.h>  // its Adler-32 only: vectorised, four times zlib's here

#include <algorithm>
#include <array>
#include <cstring>

namespace mirador::geo {
namespace {

// RFC 1951's alphabets.
constexpr int kLiteralLengthSymbols = 286;  // 0-255 literals, 256 end of block, 257-285 lengths
constexpr int kEndOfBlock = 256;
constexpr int kCodeLengthSymbols = 19;
constexpr int kMaxCodeBits = 15;
constexpr int kMaxCodeLengthBits = 7;
constexpr std::size_t kMinRun = 3, kMaxRun = 258;
constexpr std::size_t kMaxStored = 65535;
// The order in which a dynamic block lists the code-length code's lengths (RFC 1951, 3.2.7).
constexpr std::array<int, kCodeLengthSymbols> kCodeLengthOrder = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                                  11, 4,  12, 3, 13, 2, 14, 1, 15};

// Each match length's symbol and extra bits (RFC 1951, 3.2.5).
struct LengthCode {
    std::uint16_t symbol = 0;
    std::uint8_t extra_bits = 0;
    std::uint16_t extra = 0;
};
constexpr std::array<int, 29> kLengthBase = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                             31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<int, 29> kLengthExtraBits = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                  2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<LengthCode, kMaxRun + 1> make_length_codes() {
    std::array<LengthCode, kMaxRun + 1> codes{};
    for (std::size_t len = kMinRun; len <= kMaxRun; ++len) {
        int i = 28;
        while (kLengthBase[i] > static_cast<int>(len)) --i;  // 258 is symbol 285 of its own
        codes[len] = {static_cast<std::uint16_t>(257 + i), static_cast<std::uint8_t>(kLengthExtraBits[i]),
                      static_cast<std::uint16_t>(len - kLengthBase[i])};
    }
    return codes;
}
constexpr std::array<LengthCode, kMaxRun + 1> kLengthCodes = make_length_codes();

// Code lengths for the `n` symbols' frequencies, none longer than max_bits: Huffman's tree
// (the two-queue construction over the symbols sorted by frequency), then the code lengths past
// max_bits cut to it and Kraft's sum restored by moving the shortest codes that can move one bit
// down. A lone symbol gets a one-bit code beside another symbol's, so every code is complete.
void huffman_lengths(const std::uint32_t* freq, int n, int max_bits, std::uint8_t* lengths) {
    std::fill(lengths, lengths + n, std::uint8_t{0});
    std::array<int, kLiteralLengthSymbols> symbols{};
    int m = 0;
    for (int s = 0; s < n; ++s)
        if (freq[s] > 0) symbols[m++] = s;
    if (m == 0) return;
    if (m == 1) {
        lengths[symbols[0]] = 1;
        lengths[symbols[0] == 0 ? 1 : 0] = 1;
        return;
    }
    std::sort(symbols.begin(), symbols.begin() + m,
              [&](int a, int b) { return freq[a] != freq[b] ? freq[a] < freq[b] : a < b; });
    // Nodes 0..m-1 are the leaves in that order; internal nodes follow in the order they are
    // made, which is also the order of their weights, so the two lightest are at the queues' heads.
    std::array<std::uint64_t, 2 * kLiteralLengthSymbols> weight{};
    std::array<int, 2 * kLiteralLengthSymbols> parent{};
    for (int i = 0; i < m; ++i) weight[i] = freq[symbols[i]];
    int next_leaf = 0, next_internal = m, made = m;
    const auto lightest = [&] {
        if (next_leaf < m && (next_internal == made || weight[next_leaf] <= weight[next_internal])) return next_leaf++;
        return next_internal++;
    };
    for (int k = 0; k < m - 1; ++k) {
        const int a = lightest(), b = lightest();
        weight[made] = weight[a] + weight[b];
        parent[a] = parent[b] = made;
        ++made;
    }
    std::array<int, 2 * kLiteralLengthSymbols> depth{};
    const int root = made - 1;
    depth[root] = 0;
    for (int i = root - 1; i >= 0; --i) depth[i] = depth[parent[i]] + 1;  // parents come later

    std::array<int, kMaxCodeBits + 1> count{};
    for (int i = 0; i < m; ++i) ++count[std::min(depth[i], max_bits)];
    std::uint32_t kraft = 0;  // in units of 2^-max_bits
    for (int len = 1; len <= max_bits; ++len) kraft += static_cast<std::uint32_t>(count[len]) << (max_bits - len);
    while (kraft > (1u << max_bits)) {
        --count[max_bits];  // one code at the limit goes...
        for (int len = max_bits - 1; len > 0; --len)
            if (count[len] > 0) {  // ...and a shorter one splits into two a bit longer
                --count[len];
                count[len + 1] += 2;
                break;
            }
        --kraft;
    }
    // The most frequent symbols (the end of the sorted list) take the shortest codes.
    int next = m - 1;
    for (int len = 1; len <= max_bits; ++len)
        for (int c = 0; c < count[len]; ++c) lengths[symbols[next--]] = static_cast<std::uint8_t>(len);
}

// Canonical codes of those lengths (RFC 1951, 3.2.2), bit-reversed: DEFLATE sends a Huffman code
// from its first bit while the stream is filled from each byte's least significant bit.
void canonical_codes(const std::uint8_t* lengths, int n, std::uint16_t* codes) {
    std::array<int, kMaxCodeBits + 1> count{};
    for (int s = 0; s < n; ++s)
        if (lengths[s]) ++count[lengths[s]];
    std::array<unsigned, kMaxCodeBits + 2> next{};
    unsigned code = 0;
    for (int len = 1; len <= kMaxCodeBits; ++len) {
        code = (code + static_cast<unsigned>(count[len - 1])) << 1;
        next[len] = code;
    }
    for (int s = 0; s < n; ++s) {
        const int len = lengths[s];
        codes[s] = 0;
        if (!len) continue;
        unsigned c = next[len]++, reversed = 0;
        for (int b = 0; b < len; ++b, c >>= 1) reversed = (reversed << 1) | (c & 1u);
        codes[s] = static_cast<std::uint16_t>(reversed);
    }
}

// Least significant bit first, as DEFLATE packs its bits, without a branch: each call stores
// eight bytes and moves on by the whole bytes it filled, so the buffer needs 8 bytes to spare.
// Up to 56 bits a call.
class BitWriter {
public:
    explicit BitWriter(std::uint8_t* out) : out_(out) {}
    void put(std::uint64_t bits, int count) {
        acc_ |= bits << filled_;
        filled_ += count;
        std::memcpy(out_, &acc_, sizeof acc_);  // little-endian, as x86 and ARM run
        const int bytes = filled_ >> 3;
        out_ += bytes;
        acc_ >>= 8 * bytes;
        filled_ &= 7;
    }
    std::uint8_t* finish() { return out_ + (filled_ > 0 ? 1 : 0); }

private:
    std::uint8_t* out_;
    std::uint64_t acc_ = 0;
    int filled_ = 0;
};

// Whether any of the eight bytes of x is zero, as the lowest set bit's byte (exact for the
// first zero byte; bytes above it may be flagged wrongly, and are not used).
inline std::uint64_t zero_bytes(std::uint64_t x) {
    return (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
}

// Where the run of `b` from `j` ends, at `limit` at most: eight bytes at a time, as the runs of
// zeros over a surface's empty land are long.
inline std::size_t run_end(const std::uint8_t* s, std::size_t j, std::size_t limit, std::uint8_t b) {
    const std::uint64_t all_b = 0x0101010101010101ull * b;
    for (; j + 8 <= limit; j += 8) {
        std::uint64_t next8;
        std::memcpy(&next8, s + j, 8);
        if (const std::uint64_t differ = next8 ^ all_b) return j + static_cast<std::size_t>(__builtin_ctzll(differ)) / 8;
    }
    while (j < limit && s[j] == b) ++j;
    return j;
}

// The code lengths of both alphabets as RFC 1951 sends them: runs of zeros as symbols 17 and 18,
// other repeats as 16.
struct CodeLengthToken {
    std::uint8_t symbol;
    std::uint8_t extra;
};
constexpr std::array<int, kCodeLengthSymbols> kCodeLengthExtraBits = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                                                      0, 0, 0, 0, 0, 0, 2, 3, 7};
int run_length_code(const std::uint8_t* lengths, int n, CodeLengthToken* tokens) {
    int t = 0;
    for (int i = 0; i < n;) {
        const std::uint8_t len = lengths[i];
        int run = 1;
        while (i + run < n && lengths[i + run] == len) ++run;
        i += run;
        if (len == 0) {
            for (; run >= 11; run -= std::min(run, 138))
                tokens[t++] = {18, static_cast<std::uint8_t>(std::min(run, 138) - 11)};
            if (run >= 3) tokens[t++] = {17, static_cast<std::uint8_t>(run - 3)}, run = 0;
        } else {
            tokens[t++] = {len, 0};
            for (--run; run >= 3; run -= std::min(run, 6))
                tokens[t++] = {16, static_cast<std::uint8_t>(std::min(run, 6) - 3)};
        }
        for (; run > 0; --run) tokens[t++] = {len, 0};
    }
    return t;
}

void put_stored(std::span<const std::uint8_t> in, std::vector<std::uint8_t>& out) {
    std::size_t at = 0;
    do {
        const std::size_t len = std::min(kMaxStored, in.size() - at);
        const bool last = at + len == in.size();
        const auto l = static_cast<std::uint16_t>(len), nl = static_cast<std::uint16_t>(~l);
        const std::uint8_t header[5] = {static_cast<std::uint8_t>(last ? 1 : 0), static_cast<std::uint8_t>(l),
                                        static_cast<std::uint8_t>(l >> 8), static_cast<std::uint8_t>(nl),
                                        static_cast<std::uint8_t>(nl >> 8)};
        out.insert(out.end(), header, header + 5);
        out.insert(out.end(), in.begin() + static_cast<std::ptrdiff_t>(at),
                   in.begin() + static_cast<std::ptrdiff_t>(at + len));
        at += len;
    } while (at < in.size());
}

}  // namespace

void RleDeflater::compress(std::span<const std::uint8_t> in, std::vector<std::uint8_t>& out) {
    const std::uint8_t* s = in.data();
    const std::size_t n = in.size();

    // Every byte counted as a literal (four tallies, so equal bytes in a row do not wait on each
    // other), then the runs found and their bytes taken back off the literals.
    std::array<std::array<std::uint32_t, 256>, 4> tally{};
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4)
        ++tally[0][s[i]], ++tally[1][s[i + 1]], ++tally[2][s[i + 2]], ++tally[3][s[i + 3]];
    for (; i < n; ++i) ++tally[0][s[i]];
    std::array<std::uint32_t, kLiteralLengthSymbols> freq{};
    for (int b = 0; b < 256; ++b) freq[b] = tally[0][b] + tally[1][b] + tally[2][b] + tally[3][b];

    // A run (three or more bytes equal to the one before them: a match at distance 1) starts
    // only at a byte equal to the one before it; eight bytes at a time, the noise has none.
    runs_.clear();
    for (i = 1; i + 2 < n;) {
        if (i + 8 <= n) {
            std::uint64_t here, before;
            std::memcpy(&here, s + i, 8);
            std::memcpy(&before, s + i - 1, 8);
            const std::uint64_t same = zero_bytes(here ^ before);
            if (!same) {
                i += 8;
                continue;
            }
            i += static_cast<std::size_t>(__builtin_ctzll(same)) / 8;
            if (i + 2 >= n) break;
        }
        const std::uint8_t b = s[i - 1];
        if (s[i] == b && s[i + 1] == b && s[i + 2] == b) {
            const std::size_t j = run_end(s, i + kMinRun, std::min(n, i + kMaxRun), b);
            const std::size_t len = j - i;
            runs_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint16_t>(len)});
            freq[b] -= static_cast<std::uint32_t>(len);
            ++freq[kLengthCodes[len].symbol];
            i = j;
        } else {
            ++i;
        }
    }
    freq[kEndOfBlock] = 1;

    // The two codes: literal/length from the frequencies; distance is always 1 (symbol 0), given
    // a one-bit code beside symbol 1's so the code is complete.
    std::array<std::uint8_t, kLiteralLengthSymbols> lit_len{};
    huffman_lengths(freq.data(), kLiteralLengthSymbols, kMaxCodeBits, lit_len.data());
    int hlit = kLiteralLengthSymbols;
    while (hlit > 257 && lit_len[hlit - 1] == 0) --hlit;
    constexpr int hdist = 2;
    std::array<std::uint8_t, kLiteralLengthSymbols + hdist> all_lengths{};
    std::copy_n(lit_len.begin(), hlit, all_lengths.begin());
    all_lengths[hlit] = all_lengths[hlit + 1] = 1;
    std::array<CodeLengthToken, kLiteralLengthSymbols + hdist> cl_tokens{};
    const int cl_count = run_length_code(all_lengths.data(), hlit + hdist, cl_tokens.data());
    std::array<std::uint32_t, kCodeLengthSymbols> cl_freq{};
    for (int t = 0; t < cl_count; ++t) ++cl_freq[cl_tokens[t].symbol];
    std::array<std::uint8_t, kCodeLengthSymbols> cl_len{};
    huffman_lengths(cl_freq.data(), kCodeLengthSymbols, kMaxCodeLengthBits, cl_len.data());
    int hclen = kCodeLengthSymbols;
    while (hclen > 4 && cl_len[kCodeLengthOrder[hclen - 1]] == 0) --hclen;

    // The block's exact size, to choose between it and storing the bytes.
    std::uint64_t bits = 3 + 5 + 5 + 4 + 3 * static_cast<std::uint64_t>(hclen);
    for (int t = 0; t < cl_count; ++t)
        bits += cl_len[cl_tokens[t].symbol] + kCodeLengthExtraBits[cl_tokens[t].symbol];
    std::uint64_t matches = 0;
    for (int sym = 0; sym < kLiteralLengthSymbols; ++sym) {
        bits += static_cast<std::uint64_t>(freq[sym]) * lit_len[sym];
        if (sym > kEndOfBlock) {
            bits += static_cast<std::uint64_t>(freq[sym]) * kLengthExtraBits[sym - 257];
            matches += freq[sym];
        }
    }
    bits += matches;  // each match's one-bit distance code
    const std::uint64_t block_bytes = (bits + 7) / 8;
    const std::uint64_t stored_bytes = n + 5 * std::max<std::uint64_t>(1, (n + kMaxStored - 1) / kMaxStored);

    const std::size_t start = out.size();
    out.push_back(0x78);  // deflate with a 32 KB window
    out.push_back(0x01);  // no dictionary, "fastest" level; 0x7801 is a multiple of 31
    if (block_bytes >= stored_bytes) {
        put_stored(in, out);
    } else {
        std::array<std::uint16_t, kLiteralLengthSymbols> lit_code{};
        canonical_codes(lit_len.data(), kLiteralLengthSymbols, lit_code.data());
        std::array<std::uint16_t, kCodeLengthSymbols> cl_code{};
        canonical_codes(cl_len.data(), kCodeLengthSymbols, cl_code.data());
        // Each run length's whole token: its length code, extra bits and distance code (0).
        std::array<std::uint32_t, kMaxRun + 1> run_bits{};
        std::array<std::uint8_t, kMaxRun + 1> run_count{};
        for (std::size_t len = kMinRun; len <= kMaxRun; ++len) {
            const LengthCode& c = kLengthCodes[len];
            run_bits[len] = lit_code[c.symbol] | (static_cast<std::uint32_t>(c.extra) << lit_len[c.symbol]);
            run_count[len] = static_cast<std::uint8_t>(lit_len[c.symbol] + c.extra_bits + 1);
        }
        out.resize(start + 2 + block_bytes + 8);  // the writer stores eight bytes at a time
        BitWriter w(out.data() + start + 2);
        w.put(1, 1);  // the last block
        w.put(2, 2);  // dynamic Huffman codes
        w.put(static_cast<std::uint32_t>(hlit - 257), 5);
        w.put(hdist - 1, 5);
        w.put(static_cast<std::uint32_t>(hclen - 4), 4);
        for (int k = 0; k < hclen; ++k) w.put(cl_len[kCodeLengthOrder[k]], 3);
        for (int t = 0; t < cl_count; ++t) {
            const CodeLengthToken& c = cl_tokens[t];
            w.put(cl_code[c.symbol], cl_len[c.symbol]);
            if (kCodeLengthExtraBits[c.symbol]) w.put(c.extra, kCodeLengthExtraBits[c.symbol]);
        }
        // Literals two at a time (at most 30 bits), then each run.
        const auto literals = [&](std::size_t from, std::size_t to) {
            for (; from + 2 <= to; from += 2) {
                const std::uint8_t a = s[from], b = s[from + 1];
                w.put(lit_code[a] | static_cast<std::uint64_t>(lit_code[b]) << lit_len[a], lit_len[a] + lit_len[b]);
            }
            if (from < to) w.put(lit_code[s[from]], lit_len[s[from]]);
        };
        std::size_t at = 0;
        for (const Run& r : runs_) {
            literals(at, r.start);
            w.put(run_bits[r.length], run_count[r.length]);
            at = r.start + r.length;
        }
        literals(at, n);
        w.put(lit_code[kEndOfBlock], lit_len[kEndOfBlock]);
        out.resize(static_cast<std::size_t>(w.finish() - out.data()));
    }
    const std::uint32_t adler = libdeflate_adler32(1, s, n);
    for (int b = 3; b >= 0; --b) out.push_back(static_cast<std::uint8_t>(adler >> (8 * b)));
}

}  // namespace mirador::geo
