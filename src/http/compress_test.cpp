#include "http/compress.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

namespace toasoan::http {
namespace {

std::string gunzip(const std::string& in) {
  z_stream zs{};
  inflateInit2(&zs, 15 + 16);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  inflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

TEST(Gzip, RoundTripsVietnameseText) {
  std::string page;
  for (int i = 0; i < 200; ++i) page += "<p>Triển khai thực hiện Nghị quyết Hội nghị lần thứ sáu</p>";
  std::string z = gzip(page);
  EXPECT_LT(z.size(), page.size() / 5);
  EXPECT_EQ(gunzip(z), page);
}

TEST(Brotli, IsSmallerThanTheInput) {
  std::string page(4000, 'a');
  EXPECT_LT(brotli(page).size(), 100u);
}

TEST(Compressible, OnlyTextWorthCompressing) {
  EXPECT_TRUE(compressible("text/html; charset=utf-8", 5000));
  EXPECT_FALSE(compressible("text/html; charset=utf-8", 100));
  EXPECT_FALSE(compressible("image/jpeg", 50000));
  EXPECT_TRUE(compressible("application/json", 5000));
}

}  // namespace
}  // namespace toasoan::http
