#include "newsroom/password.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

namespace toasoan::newsroom {
namespace {

PasswordCost least() { return PasswordCost::named("min").value(); }

TEST(Passwords, AHashVerifiesItsOwnPasswordAndNoOther) {
  Passwords passwords(least(), 2, 4);
  auto encoded = passwords.hash("mậtkhẩuđẹp lắm");
  ASSERT_TRUE(encoded.ok()) << encoded.error().message;
  EXPECT_EQ(encoded->rfind("$argon2id$", 0), 0u) << *encoded;
  EXPECT_EQ(passwords.verify(*encoded, "mậtkhẩuđẹp lắm").value(), true);
  EXPECT_EQ(passwords.verify(*encoded, "mậtkhẩuđẹp lắm ").value(), false);
  EXPECT_EQ(passwords.verify(*encoded, "").value(), false);
  // Two hashes of one password differ (a fresh salt each time) and both verify.
  auto again = passwords.hash("mậtkhẩuđẹp lắm");
  EXPECT_NE(*again, *encoded);
  EXPECT_TRUE(passwords.verify(*again, "mậtkhẩuđẹp lắm").value());
}

TEST(Passwords, AnUnknownUserOrDamagedHashIsRefusedAfterAsLongAsAWrongPassword) {
  // A cost high enough for the hash to dominate the timing, low enough for a test.
  PasswordCost cost{3, 16u << 20};
  Passwords passwords(cost, 1, 4);
  auto encoded = passwords.hash("mật khẩu thật");
  ASSERT_TRUE(encoded.ok());
  // The fastest try of each, the three taken in turn, over rounds until the fastest unknown and
  // damaged tries take at least a quarter of the fastest wrong one (40 rounds at most): on a
  // shared machine a try can be slowed by anything (other tests running beside this one; five
  // rounds once left every wrong try at 66 ms against 16 for the work itself), and the first
  // touches memory the hash then reuses. The fastest is the work itself, and taking them in turn
  // lets no burst of load fall on one of the three alone. A refusal that skipped the dummy hash
  // takes microseconds against milliseconds, and fails every round.
  using Clock = std::chrono::steady_clock;
  Clock::duration wrong = Clock::duration::max(), unknown = wrong, damaged = wrong;
  auto time = [&](std::string_view enc, Clock::duration& best) {
    auto start = Clock::now();
    auto ok = passwords.verify(enc, "mật khẩu sai");
    EXPECT_TRUE(ok.ok());
    EXPECT_FALSE(ok.value());
    best = std::min(best, Clock::now() - start);
  };
  for (int round = 0; round < 40; ++round) {
    time(*encoded, wrong);
    time("", unknown);
    time("$argon2id$v=19$hỏng", damaged);
    if (round >= 4 && unknown > wrong / 4 && damaged > wrong / 4) break;
  }
  EXPECT_FALSE(passwords.verify("", "").value());  // the dummy is a hash of "", yet no one gets in
#ifndef TOASOAN_SANITIZED
  EXPECT_GT(unknown, wrong / 4);
  EXPECT_GT(damaged, wrong / 4);
#endif
}

TEST(Passwords, AHashMadeAtAnotherCostNeedsRehashing) {
  Passwords cheap(least(), 1, 1);
  Passwords dearer(PasswordCost{least().ops + 1, least().mem}, 1, 1);
  auto encoded = cheap.hash("mật khẩu đủ dài");
  ASSERT_TRUE(encoded.ok());
  EXPECT_FALSE(cheap.needs_rehash(*encoded));
  EXPECT_TRUE(dearer.needs_rehash(*encoded));
  EXPECT_TRUE(cheap.needs_rehash("không phải mã băm"));
}

TEST(Passwords, CostsAreNamedAsLibsodiumNamesThem) {
  EXPECT_TRUE(PasswordCost::named("interactive").ok());
  EXPECT_TRUE(PasswordCost::named("moderate").ok());
  EXPECT_TRUE(PasswordCost::named("sensitive").ok());
  EXPECT_LT(PasswordCost::named("min")->mem, PasswordCost::named("interactive")->mem);
  auto bad = PasswordCost::named("fast");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("interactive"), std::string::npos);
}

TEST(Passwords, BeyondTheQueueLoginsAreToldToTryAgainAtOnce) {
  // One hash at a time, nobody queued: of several at once, some must be turned away.
  Passwords passwords(PasswordCost{3, 16u << 20}, 1, 0);
  auto encoded = passwords.hash("mật khẩu đủ dài");
  ASSERT_TRUE(encoded.ok());
  std::atomic<int> refused = 0, answered = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i)
    threads.emplace_back([&] {
      auto r = passwords.verify(*encoded, "mật khẩu đủ dài");
      if (r.ok()) {
        EXPECT_TRUE(r.value());
        ++answered;
      } else {
        EXPECT_EQ(r.error().kind, ErrorKind::rate_limited);
        EXPECT_EQ(r.error().message, "Đang có quá nhiều lượt đăng nhập, vui lòng thử lại sau giây lát");
        ++refused;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_GE(answered.load(), 1);
  EXPECT_GE(refused.load(), 1);
  // Once the crowd is gone, the next login goes through.
  EXPECT_TRUE(passwords.verify(*encoded, "mật khẩu đủ dài").value());
}

TEST(Passwords, QueuedLoginsWaitTheirTurnInsteadOfBeingRefused) {
  Passwords passwords(least(), 1, 8);
  auto encoded = passwords.hash("mật khẩu đủ dài");
  ASSERT_TRUE(encoded.ok());
  std::atomic<int> matched = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i)
    threads.emplace_back([&] {
      auto r = passwords.verify(*encoded, "mật khẩu đủ dài");
      if (r.ok() && r.value()) ++matched;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(matched.load(), 6);
}

Status check(std::string_view password, std::string_view user = "huy.thanh") {
  return check_new_password(password, user);
}

TEST(NewPassword, NineCharactersAreTooFewAndTenAreEnough) {
  auto nine = check("123456789");
  ASSERT_FALSE(nine.ok());
  EXPECT_EQ(nine.error().field, "password");
  EXPECT_EQ(nine.error().message, "Mật khẩu cần ít nhất 10 ký tự");
  EXPECT_TRUE(check("1234567890").ok());
}

TEST(NewPassword, VietnameseLettersCountOneEachHoweverTyped) {
  EXPECT_TRUE(check("mậtkhẩuđẹp").ok());  // 10 letters, 17 bytes
  // The same ten letters typed with combining marks are still ten.
  EXPECT_TRUE(check("ma\u0323\u0302tkha\u0302\u0309u\u0111e\u0323p").ok());
  EXPECT_FALSE(check("mậtkhẩuđẹ").ok());  // 9 letters, 15 bytes
}

TEST(NewPassword, TheUsernameIsRefusedInAnyCaseOrMarks) {
  EXPECT_FALSE(check("huy.thanh.2024", "huy.thanh.2024").ok());
  auto upper = check("Huy.Thanh.2024", "huy.thanh.2024");
  ASSERT_FALSE(upper.ok());
  EXPECT_EQ(upper.error().message, "Mật khẩu không được trùng với tên đăng nhập");
  EXPECT_FALSE(check("Huy.Thành.2024", "huy.thanh.2024").ok());
  EXPECT_TRUE(check("huy.thanh.2024!", "huy.thanh.2024").ok());
}

TEST(NewPassword, AtMost1024Bytes) {
  EXPECT_TRUE(check(std::string(256, 'a')).ok());
  EXPECT_TRUE(check(std::string(1024, 'a')).ok());
  auto long_one = check(std::string(1025, 'a'));
  ASSERT_FALSE(long_one.ok());
  EXPECT_EQ(long_one.error().field, "password");
  EXPECT_NE(long_one.error().message.find("1024"), std::string::npos);
}

TEST(NewPassword, BrokenUtf8IsRefused) {
  auto broken = check("mật khẩu \xC3\x28 dài");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().field, "password");
  EXPECT_FALSE(check("mật khẩu \xED\xA0\x80 dài").ok());  // a surrogate
}

TEST(SessionTokens, AreSixtyFourHexCharactersAndNeverRepeat) {
  auto a = SessionToken::random(), b = SessionToken::random();
  EXPECT_EQ(a.secret.size(), 64u);
  EXPECT_EQ(a.secret.find_first_not_of("0123456789abcdef"), std::string::npos) << a.secret;
  EXPECT_NE(a.secret, b.secret);
}

TEST(SessionTokens, TheStoredHashIsStableAndIsNotTheSecret) {
  auto t = SessionToken::random();
  EXPECT_EQ(token_hash(t.secret), token_hash(t.secret));
  EXPECT_NE(token_hash(t.secret), t.secret);
  EXPECT_EQ(token_hash(t.secret).size(), 64u);
  // SHA-256 of "abc", the standard test vector.
  EXPECT_EQ(token_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(SessionTokens, TheCsrfTokenBelongsToOneSessionAndIsNotItsStoredHash) {
  auto a = SessionToken::random(), b = SessionToken::random();
  EXPECT_EQ(csrf_for(a.secret), csrf_for(a.secret));
  EXPECT_NE(csrf_for(a.secret), csrf_for(b.secret));
  EXPECT_NE(csrf_for(a.secret), token_hash(a.secret));
  EXPECT_NE(csrf_for(a.secret), a.secret);
  EXPECT_FALSE(csrf_for("ngắn").empty());  // a secret shorter than a key still gets one
}

TEST(SessionTokens, SameSecretComparesWholeValues) {
  EXPECT_TRUE(same_secret("abc123", "abc123"));
  EXPECT_FALSE(same_secret("abc123", "abc124"));
  EXPECT_FALSE(same_secret("abc123", "abc1234"));
  EXPECT_FALSE(same_secret("", "a"));
}

}  // namespace
}  // namespace toasoan::newsroom
