#include "text/collate.hpp"

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace toasoan::text {
namespace {

// Each list is in Vietnamese dictionary order, as CLDR's "vi" rules define it: letters in the
// order a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; tone marks only decide
// between otherwise equal words, in the order ngang, huyền, hỏi, ngã, sắc, nặng.
const std::vector<std::vector<std::string>> kOrderedLists = {
    {"An", "Anh", "Ánh", "Ăn", "Ân", "Ba", "Bắc"},
    {"Duy", "Dương", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đông", "Đồng Nai"},
    {"Em", "Ê", "Gia", "Giang"},
    {"Ong", "Ôn", "Ơn", "Uống", "Út", "Ưu", "Xuân", "Ý", "Yên"},
    {"ma", "mà", "mả", "mã", "má", "mạ"},  // ma, ghost, grave, horse, mother, rice seedling
    {"Tâm", "Tân", "Tần", "Tẩn", "Tẫn", "Tấn", "Tận", "Thanh", "Trà"},
    {"Cà Mau", "Cao Bằng", "Cần Thơ", "Hà Nội", "Hải Phòng", "Huế"},
    {"Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị"},
};

TEST(VietnameseCollator, OrdersWordsAsAVietnameseDictionary) {
  const VietnameseCollator collator;
  for (const auto& list : kOrderedLists) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      for (std::size_t j = 0; j < list.size(); ++j) {
        const int got = collator.compare(list[i], list[j]);
        if (i < j) {
          EXPECT_LT(got, 0) << list[i] << " < " << list[j];
        } else if (i == j) {
          EXPECT_EQ(got, 0) << list[i];
        } else {
          EXPECT_GT(got, 0) << list[i] << " > " << list[j];
        }
      }
    }
  }
}

TEST(VietnameseCollator, PutsDStrokeAfterEveryD) {
  const VietnameseCollator collator;
  // Byte order and fold() both disagree: "Đ" is U+0110 and folds to "d".
  EXPECT_GT(collator.compare("Đà Nẵng", "Dương"), 0);
  EXPECT_GT(collator.compare("Đa", "Dz"), 0);
  EXPECT_LT(collator.compare("Đz", "E"), 0);
  EXPECT_GT(collator.compare("Ánh", "Anh"), 0);
}

TEST(VietnameseCollator, TreatsDecomposedAndPrecomposedAsEqual) {
  const VietnameseCollator collator;
  EXPECT_EQ(collator.compare("Nghị quyết", "Nghi\u0323 quyê\u0301t"), 0);
  EXPECT_EQ(collator.compare("ệ", "e\u0302\u0323"), 0);  // marks not in canonical order
  EXPECT_EQ(collator.sort_key("ệ"), collator.sort_key("e\u0323\u0302"));
}

TEST(VietnameseCollator, SortKeysOrderLikeCompare) {
  const VietnameseCollator collator;
  for (const auto& list : kOrderedLists) {
    for (std::size_t i = 0; i + 1 < list.size(); ++i) {
      const std::string a = collator.sort_key(list[i]);
      const std::string b = collator.sort_key(list[i + 1]);
      EXPECT_LT(a, b) << list[i] << " < " << list[i + 1];
      EXPECT_EQ(a.find('\0'), std::string::npos);
    }
  }
  EXPECT_EQ(collator.sort_key(""), collator.sort_key(""));
  EXPECT_LT(collator.sort_key(""), collator.sort_key("a"));
}

TEST(SortVietnamese, SortsShuffledListsIntoDictionaryOrder) {
  for (const auto& list : kOrderedLists) {
    std::vector<std::string> words(list.rbegin(), list.rend());
    std::swap(words.front(), words[words.size() / 2]);
    sort_vietnamese(words);
    EXPECT_EQ(words, list);
  }
}

TEST(SortVietnamese, KeepsTheOrderOfEqualWords) {
  std::vector<std::string> words = {"b", "e\u0323\u0302", "a", "\u1EC7"};
  sort_vietnamese(words);
  EXPECT_EQ(words, (std::vector<std::string>{"a", "b", "e\u0323\u0302", "\u1EC7"}));
}

TEST(VietnameseCollator, GivesTheSameAnswersFromManyThreadsAtOnce) {
  const VietnameseCollator collator;
  const std::vector<std::string>& list = kOrderedLists[1];
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 2000; ++round) {
        for (std::size_t i = 0; i + 1 < list.size(); ++i) {
          if (collator.compare(list[i], list[i + 1]) >= 0) ++failures[t];
          if (collator.sort_key(list[i]) >= collator.sort_key(list[i + 1])) ++failures[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace toasoan::text
