#pragma once
// Counts the C++ heap allocations (operator new, every form) this thread makes while a counter
// is alive: the "no allocation on an idle frame" tests. The replacement operators live in
// AllocationCounter.cpp and forward to malloc/free; with no counter alive they only forward.
namespace mirador::test {

class AllocationCounter {
public:
    AllocationCounter();
    ~AllocationCounter();
    AllocationCounter(const AllocationCounter&) = delete;
    AllocationCounter& operator=(const AllocationCounter&) = delete;
    long count() const { return count_; }

private:
    long count_ = 0;
    long* outer_ = nullptr;
};

}  // namespace mirador::test
