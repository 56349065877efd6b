#include "advise/json_writer.hpp"

#include <doctest/doctest.h>

using namespace advise;

TEST_CASE("advise::JsonWriter") {
  std::string out;
  JsonWriter w(out);
  SUBCASE("nested containers get their commas") {
    w.begin_object().key("a").value(1).key("b").begin_array().value("x").value(true).null();
    w.begin_object().end_object().end_array().key("c").value(false).end_object();
    CHECK(out == R"({"a":1,"b":["x",true,null,{}],"c":false})");
  }
  SUBCASE("text_or_null: an empty text is null") {
    w.begin_array().text_or_null("").text_or_null("x").end_array();
    CHECK(out == R"([null,"x"])");
  }
  SUBCASE("strings are escaped") {
    w.value(std::string_view("q\"b\\n\nt\tc\x01\x1f é"));
    CHECK(out == "\"q\\\"b\\\\n\\nt\\tc\\u0001\\u001f é\"");
  }
}
