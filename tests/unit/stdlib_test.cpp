// Unit tests of the standard packages' C++ helpers (src/native/): Go's float formatting
// (strconv.FormatFloat), quoting (strconv.Quote/QuoteRune) and the Unicode tables behind
// package unicode and strings' case mapping.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "native/stdlib_util.h"

using namespace gol::native;

TEST_CASE("formatFloat: shortest forms match Go") {
  CHECK(formatFloat(0, 'g', -1, 64) == "0");
  CHECK(formatFloat(-0.0, 'g', -1, 64) == "-0");
  CHECK(formatFloat(1, 'g', -1, 64) == "1");
  CHECK(formatFloat(100000, 'g', -1, 64) == "100000");
  CHECK(formatFloat(1000000, 'g', -1, 64) == "1e+06");
  CHECK(formatFloat(0.0001, 'g', -1, 64) == "0.0001");
  CHECK(formatFloat(0.00001, 'g', -1, 64) == "1e-05");
  CHECK(formatFloat(1.0 / 3, 'g', -1, 64) == "0.3333333333333333");
  CHECK(formatFloat(0.1, 'g', -1, 32) == "0.1");
  CHECK(formatFloat(1e21, 'f', -1, 64) == "1000000000000000000000");
  CHECK(formatFloat(123.456, 'e', -1, 64) == "1.23456e+02");
  CHECK(formatFloat(1e100, 'e', -1, 64) == "1e+100");
  CHECK(formatFloat(std::numeric_limits<double>::infinity(), 'g', -1, 64) == "+Inf");
  CHECK(formatFloat(-std::numeric_limits<double>::infinity(), 'f', 2, 64) == "-Inf");
  CHECK(formatFloat(std::nan(""), 'e', 3, 64) == "NaN");
}

TEST_CASE("formatFloat: explicit precision") {
  CHECK(formatFloat(3.14159, 'f', 2, 64) == "3.14");
  CHECK(formatFloat(2.5, 'f', 0, 64) == "2");
  CHECK(formatFloat(0.125, 'f', 2, 64) == "0.12");
  CHECK(formatFloat(9.999, 'f', 2, 64) == "10.00");
  CHECK(formatFloat(1234.5678, 'e', 2, 64) == "1.23e+03");
  CHECK(formatFloat(0, 'e', 3, 64) == "0.000e+00");
  CHECK(formatFloat(1, 'g', 3, 64) == "1");
  CHECK(formatFloat(0, 'g', 4, 64) == "0");
  CHECK(formatFloat(123456, 'g', 3, 64) == "1.23e+05");
  CHECK(formatFloat(0.000012345, 'G', 2, 64) == "1.2E-05");
  CHECK(formatFloat(100, 'g', 3, 64) == "100");
}

TEST_CASE("quoting follows strconv.Quote") {
  CHECK(quoteWith("hi\n\"x\"", '"', false) == "\"hi\\n\\\"x\\\"\"");
  CHECK(quoteWith("\x01\x7f", '"', false) == "\"\\x01\\x7f\"");
  CHECK(quoteWith("\xff", '"', false) == "\"\\xff\"");
  CHECK(quoteWith("☺", '"', false) == "\"☺\"");
  CHECK(quoteWith("☺", '"', true) == "\"\\u263a\"");
  CHECK(quoteWith("\u00ad", '"', false) == "\"\\u00ad\"");
  CHECK(quoteRuneWith('\'', '\'', false) == "'\\''");
  CHECK(quoteRuneWith('x', '\'', false) == "'x'");
  CHECK(quoteRuneWith(0x1F600, '\'', true) == "'\\U0001f600'");
}

TEST_CASE("unicode tables agree with Go's unicode package") {
  CHECK(uni::isLetter('a'));
  CHECK(uni::isLetter(0xE9));
  CHECK(!uni::isLetter('1'));
  CHECK(uni::isLetter(0x4E16));  // 世
  CHECK(uni::isDigit(0x663));
  CHECK(!uni::isDigit(0xB2));
  CHECK(uni::isNumber(0xB2));
  CHECK(uni::isSpace(0xA0));
  CHECK(uni::isSpace(0x3000));
  CHECK(!uni::isSpace(0x200B));
  CHECK(uni::isPunct('!'));
  CHECK(!uni::isPunct('+'));
  CHECK(uni::isSymbol('+'));
  CHECK(uni::isUpper(0xC4));
  CHECK(uni::isLower(0xDF));
  CHECK(!uni::isUpper(0xDF));
  CHECK(uni::toUpper(0xE4) == 0xC4);
  CHECK(uni::toUpper(0xFF) == 0x178);
  CHECK(uni::toLower(0x3A3) == 0x3C3);
  CHECK(uni::toUpper(0x3C2) == 0x3A3);
  CHECK(uni::toLower(0x416) == 0x436);
  CHECK(uni::toUpper(0x101) == 0x100);
  CHECK(uni::toTitle(0x1C6) == 0x1C5);
  CHECK(uni::isPrint(' '));
  CHECK(!uni::isPrint('\t'));
  CHECK(!uni::isPrint(0xA0));
  CHECK(uni::isGraphic(0xA0));
  CHECK(uni::simpleFold('A') == 'a');
  CHECK(uni::simpleFold('a') == 'A');
  CHECK(uni::simpleFold('k') == 0x212A);
}
