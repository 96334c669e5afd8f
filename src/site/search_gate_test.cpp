#include "site/search_gate.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace toasoan::site {
namespace {

TEST(SearchGate, RefusesOneMoreThanItsSlotsAndTakesItBackWhenAPassEnds) {
  SearchGate gate(2);
  auto a = gate.enter();
  auto b = gate.enter();
  EXPECT_TRUE(a);
  EXPECT_TRUE(b);
  {
    auto c = gate.enter();
    EXPECT_FALSE(c);
  }
  EXPECT_EQ(gate.in_use(), 2) << "a refused pass gives nothing back";
  {
    auto moved = std::move(a);
    EXPECT_TRUE(moved);
  }
  EXPECT_EQ(gate.in_use(), 1);
  EXPECT_TRUE(gate.enter());
}

TEST(SearchGate, AtLeastOneSlot) {
  SearchGate gate(0);
  EXPECT_EQ(gate.slots(), 1);
  auto a = gate.enter();
  EXPECT_TRUE(a);
  EXPECT_FALSE(gate.enter());
}

}  // namespace
}  // namespace toasoan::site
