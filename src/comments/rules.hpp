// The rules a reader's comment meets before it is written, the same as the page's script
// applies (web/static/comments.js) with the same Vietnamese messages, and the flags that send a
// comment to a moderator's closer look. Everything from outside passes here: control
// characters out, NFC, trimmed, then counted as readers count letters (text/count.hpp).
//
//   content   5–500 characters      "Bạn vui lòng nhập từ 5 ký tự trở lên !!!" (the model page's)
//   name      2–50 characters
//   email     optional; one @, no spaces, at most 254 bytes; stored lower-cased, never shown
//   website   the honeypot: people never see it, so anything in it is a program's
//
// Flags (kept for moderation, never dropped): "links" for more than two links; "words" for a
// disallowed word or phrase, matched on whole words after folding (text/fold.hpp), so "dm",
// "đm" and "Đ.M" typed with or without marks all hit the same entry "đm".
//
// Thread-safety: pure functions; DisallowedWords is immutable once made.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "store/comments.hpp"

namespace toasoan::comments {

inline constexpr int kMinChars = 5;
inline constexpr int kMaxChars = 500;
inline constexpr int kMinNameChars = 2;
inline constexpr int kMaxNameChars = 50;
inline constexpr std::size_t kMaxEmailBytes = 254;
inline constexpr int kMaxLinks = 2;

inline constexpr std::string_view kTooShort = "Bạn vui lòng nhập từ 5 ký tự trở lên !!!";
inline constexpr std::string_view kTooLong = "Bình luận chỉ được dài tối đa 500 ký tự.";
inline constexpr std::string_view kBadName = "Bạn vui lòng nhập họ tên (2–50 ký tự).";
inline constexpr std::string_view kBadEmail = "Địa chỉ email không hợp lệ.";
inline constexpr std::string_view kHoneypot = "Bình luận không gửi được.";
inline constexpr std::string_view kReceived = "Cảm ơn bạn! Bình luận đang chờ duyệt.";

// What a reader sent, as received.
struct Draft {
  std::string name;
  std::string email;
  std::string content;
  std::string website;  // the honeypot
};

// The admin setting's words, folded once.
class DisallowedWords {
 public:
  DisallowedWords() = default;
  explicit DisallowedWords(const std::vector<std::string>& words);
  // True when `text` holds one of the words as whole words.
  bool hits(std::string_view text) const;
  bool empty() const { return folded_.empty(); }

 private:
  std::vector<std::string> folded_;  // " dm " form: words separated by single spaces, padded
};

// The comment's text made ready: controls out (newlines kept), NFC, trimmed.
std::string clean_text(std::string_view raw);
// Text for one line (a name): also newlines and tabs become spaces, runs of spaces one.
std::string clean_line(std::string_view raw);

// Checks a reader's draft; the error is ErrorKind::invalid with `field` ("content", "name",
// "email", "website") and the message to show. On success, the comment to post (article,
// parent and address are the caller's), with its flags.
Result<store::NewComment> check(const Draft& draft, const DisallowedWords& words);

// Checks a moderator's text (an edit, the newspaper's reply): the content rule only.
Result<std::string> check_content(std::string_view raw);

// The number of links in `text`: "http://", "https://" and "www." starts, any case.
int count_links(std::string_view text);

}  // namespace toasoan::comments
