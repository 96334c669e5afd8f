#include "media/processing_queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace toasoan::media {
namespace {

TEST(ProcessingQueue, RunsEveryJobItTookBeforeItIsDestroyed) {
  std::atomic<int> ran = 0, taken = 0;
  {
    ProcessingQueue q(2, 10);
    for (int i = 0; i < 12; ++i)
      if (q.post([&] { ++ran; })) ++taken;
  }
  EXPECT_GE(taken.load(), 10);
  EXPECT_EQ(ran.load(), taken.load());
}

TEST(ProcessingQueue, BeyondItsThreadsAndQueueAJobIsRefusedAtOnce) {
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::atomic<int> ran = 0;
  {
    ProcessingQueue q(1, 2);
    std::promise<void> started;
    ASSERT_TRUE(q.post([&] {
      started.set_value();
      gate.wait();
      ++ran;
    }));
    started.get_future().wait();  // one running
    EXPECT_TRUE(q.post([&] { ++ran; }));
    EXPECT_TRUE(q.post([&] { ++ran; }));
    EXPECT_EQ(q.in_hand(), 3u);
    EXPECT_FALSE(q.post([&] { ++ran; })) << "one running and two waiting is all it holds";
    release.set_value();
  }
  EXPECT_EQ(ran.load(), 3) << "the refused job never ran";
}

TEST(ProcessingQueue, AJobThatThrowsDoesNotStopTheOthers) {
  std::atomic<int> ran = 0;
  {
    ProcessingQueue q(1, 4);
    ASSERT_TRUE(q.post([] { throw std::runtime_error("libvips ran out of memory"); }));
    ASSERT_TRUE(q.post([&] { ++ran; }));
  }
  EXPECT_EQ(ran.load(), 1);
}

}  // namespace
}  // namespace toasoan::media
