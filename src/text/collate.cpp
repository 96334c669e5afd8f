#include "text/collate.hpp"

#include <algorithm>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>

#include "text/icu_support.hpp"

namespace toasoan::text {

struct VietnameseCollator::Impl {
  // const: after the constructor only const ICU methods may touch it (see the header).
  std::unique_ptr<const icu::Collator> collator;
};

VietnameseCollator::VietnameseCollator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status)) detail::throw_icu_error("Collator::createInstance(vi)", status);
  // Off, ICU orders correctly only text in FCD form; text from outside may come with its
  // combining marks in any order, and must still equal its NFC spelling.
  collator->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
  if (U_FAILURE(status)) detail::throw_icu_error("Collator::setAttribute", status);
  impl_ = std::make_unique<const Impl>(Impl{std::move(collator)});
}

VietnameseCollator::~VietnameseCollator() = default;
VietnameseCollator::VietnameseCollator(VietnameseCollator&&) noexcept = default;
VietnameseCollator& VietnameseCollator::operator=(VietnameseCollator&&) noexcept = default;

int VietnameseCollator::compare(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Collator& collator = *impl_->collator;
  const UCollationResult result =
      collator.compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                           icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) detail::throw_icu_error("Collator::compareUTF8", status);
  return static_cast<int>(result);
}

std::string VietnameseCollator::sort_key(std::string_view utf8) const {
  const icu::Collator& collator = *impl_->collator;
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string key(static_cast<std::size_t>(text.length()) * 2 + 16, '\0');
  auto fill = [&] {
    return collator.getSortKey(text, reinterpret_cast<uint8_t*>(key.data()),
                               static_cast<int32_t>(key.size()));
  };
  int32_t needed = fill();
  if (needed > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(needed));
    needed = fill();
  }
  // The length includes ICU's terminating zero; no other key byte is zero, so dropping it keeps
  // the order and lets keys be compared as plain strings.
  key.resize(needed > 0 ? static_cast<std::size_t>(needed) - 1 : 0);
  return key;
}

void sort_vietnamese(std::vector<std::string>& words) {
  static const VietnameseCollator collator;
  std::stable_sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return collator.compare(a, b) < 0;
  });
}

}  // namespace toasoan::text
