// Test-only helpers shared by src/search/*_test.cpp: reading the tab-separated case files of
// tests/data/search/ and NFD through ICU (an independent way to decompose test input).
// Not part of the library. Thread-safety: test code; each helper is a pure function.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "search/query.hpp"

namespace toasoan::search {

// Readable failure messages for Terms.
inline void PrintTo(const Term& t, std::ostream* os) {
  *os << "{\"" << t.folded << "\", \"" << t.accented << "\"}";
}

}  // namespace toasoan::search

namespace toasoan::search::testing {

struct Row {
  std::string where;  // "file.tsv:line", for failure messages
  std::vector<std::string> fields;
};

inline void append_utf8(std::string& out, char32_t cp) {
  icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(out);
}

// Undoes the files' escapes: \uXXXX (one code point, so decomposed letters survive editors),
// \t, \n, \\.
inline std::string unescape(const std::string& field, const std::string& where) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      out.push_back(field[i]);
      continue;
    }
    const char kind = i + 1 < field.size() ? field[++i] : '\0';
    if (kind == 't') {
      out.push_back('\t');
    } else if (kind == 'n') {
      out.push_back('\n');
    } else if (kind == '\\') {
      out.push_back('\\');
    } else if (kind == 'u' && i + 4 < field.size() &&
               field.find_first_not_of("0123456789abcdefABCDEF", i + 1) >= i + 5) {
      append_utf8(out, static_cast<char32_t>(std::stoul(field.substr(i + 1, 4), nullptr, 16)));
      i += 4;
    } else {
      ADD_FAILURE() << where << ": bad escape";
    }
  }
  return out;
}

// The rows of tests/data/search/<name>: lines split at tabs, each field unescaped; blank lines
// and lines starting with '#' skipped. Fails the test when the file is missing or a row does
// not have `fields` fields.
inline std::vector<Row> load_rows(const std::string& name, std::size_t fields) {
  const std::string path = std::string(TOASOAN_TEST_DATA_DIR) + "/search/" + name;
  std::ifstream file(path);
  EXPECT_TRUE(file) << "cannot open " << path;
  std::vector<Row> rows;
  std::string line;
  int number = 0;
  while (std::getline(file, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    Row row{name + ":" + std::to_string(number), {}};
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      row.fields.push_back(unescape(line.substr(start, tab - start), row.where));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (row.fields.size() != fields) {
      ADD_FAILURE() << row.where << ": want " << fields << " tab-separated fields";
      continue;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

inline std::string nfd(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString out;
  n->normalize(icu::UnicodeString::fromUTF8(s), out, status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string bytes;
  out.toUTF8String(bytes);
  return bytes;
}

}  // namespace toasoan::search::testing
