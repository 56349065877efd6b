#include "zone.hpp"

#include <algorithm>
#include <cstdlib>
#include <date/tz.h>
#include <fmt/format.h>

#include "advise/ascii.hpp"
#include "advise/nearest.hpp"
#include "advise/race_spec.hpp"
#include "options.hpp"
#include "output.hpp"

namespace advise::cli {
namespace {

// EST and MST are IANA names of zones with no summer time (UTC-5 and -7 all
// year), but people write them for the US zones that have one: a July race
// in "EST" came out an hour off. Refused, with the place's zone. (HST stays:
// Hawaii keeps UTC-10 all year.)
struct FixedAbbreviation {
  std::string_view name;
  int hours_behind;
  std::string_view places;
};
constexpr FixedAbbreviation k_fixed_abbreviations[] = {
    {"EST", 5, "America/New_York"}, {"MST", 7, "America/Denver (America/Phoenix has no summer time)"}};

const FixedAbbreviation* fixed_abbreviation(std::string_view name) {
  for (const auto& f : k_fixed_abbreviations) {
    const bool same = name.size() == f.name.size() &&
                      std::equal(name.begin(), name.end(), f.name.begin(),
                                 [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
    if (same) return &f;
  }
  return nullptr;
}

}  // namespace

const date::time_zone* find_zone(std::string_view name) {
  try {
    // /usr/share/zoneinfo/localtime is the system's zone under another
    // name: the plan names the zone itself, as for TZ=:/etc/localtime.
    if (name == "localtime") return date::current_zone();
    if (fixed_abbreviation(name)) return nullptr;
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

namespace {

std::vector<std::string_view> zone_names() {
  std::vector<std::string_view> names;
  for (const auto& z : date::get_tzdb().zones) names.push_back(z.name());
  return names;
}

// A fixed offset such as UTC+2, GMT-05:00 or +02:00: the hint for it, or ""
// for another name. IANA's fixed zones are named the POSIX way, with the
// sign reversed (Etc/GMT-2 is two hours ahead of UTC), and have whole hours.
std::string offset_hint(std::string_view name) {
  for (const std::string_view prefix : {"UTC", "GMT", "utc", "gmt"}) {
    if (name.starts_with(prefix)) name.remove_prefix(prefix.size());
  }
  if (name == "Z" || name == "z") return "is not a time zone name; for UTC itself, give UTC";
  if (name.size() < 2 || (name[0] != '+' && name[0] != '-')) return {};
  const bool ahead = name[0] == '+';
  int hours = 0;
  int minutes = 0;
  std::size_t i = 1;
  for (; i < name.size() && i < 3 && name[i] >= '0' && name[i] <= '9'; ++i) hours = hours * 10 + (name[i] - '0');
  if (i == 1) return {};
  if (i < name.size() && name[i] == ':') ++i;
  const std::size_t minute_digits = name.size() - i;
  if (minute_digits != 0 && minute_digits != 2) return {};
  for (; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return {};
    minutes = minutes * 10 + (name[i] - '0');
  }
  if (minutes != 0 || hours > (ahead ? 14 : 12)) {
    return "is a fixed UTC offset, which has no IANA name; give the place's zone, such as "
           "Asia/Kolkata";
  }
  if (hours == 0) return "is not a time zone name; for UTC itself, give UTC";
  return fmt::format("is not a time zone name; for a fixed offset of {}{} hour{} from UTC, give "
                     "Etc/GMT{}{} (IANA reverses the sign), or better the place's zone, such as "
                     "Europe/Berlin",
                     ahead ? '+' : '-', hours, hours == 1 ? "" : "s", ahead ? '-' : '+', hours);
}

}  // namespace

std::string zone_problem(std::string_view name) {
  if (name.empty()) return "is empty; expected an IANA time zone name such as Europe/Berlin";
  if (auto hint = offset_hint(name); !hint.empty()) return hint;
  if (const auto* f = fixed_abbreviation(name)) {
    return fmt::format("is UTC-{0} all year, with no summer time, in the time-zone database, though "
                       "it usually means a zone that has one; give the place's zone, such as {1}, "
                       "or Etc/GMT+{0} for UTC-{0} all year",
                       f->hours_behind, f->places);
  }
  // PST, cest, IST; not utc or cet, which are names in another case.
  std::string upper(name);
  for (auto& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  const bool abbreviation =
      name.size() >= 2 && name.size() <= 5 &&
      std::all_of(upper.begin(), upper.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
      find_zone(upper) == nullptr;
  if (abbreviation) {
    return "looks like an abbreviation, not a time zone: one abbreviation can stand for several places, "
           "and changes with summer time; give the place's zone, such as America/Los_Angeles or "
           "Europe/Paris";
  }
  const auto close = nearest_zone_names(name, zone_names(), 3);
  if (close.empty()) {
    return "is not a time zone; expected an IANA name such as Europe/Berlin or America/New_York "
           "(the names under /usr/share/zoneinfo)";
  }
  return fmt::format("is not a time zone; did you mean {}?", fmt::join(close, ", "));
}

void add_tz(CLI::App& app, std::string& tz) {
  app.add_option("--tz", tz,
                 "Time zone of the races, an IANA name such as Europe/Berlin (default: TZ, else "
                 "the system's; needed only for races with a start time)")
      ->type_name("ZONE")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (find_zone(value) != nullptr) return {};
            return quote_value(value) + " " + zone_problem(value);
          },
          ""));
}

tl::expected<const date::time_zone*, std::string> local_zone(std::string_view fix) {
  const char* env = std::getenv("TZ");
  if (env != nullptr && *env != '\0') {
    std::string_view name = env;
    if (name.starts_with(':')) name.remove_prefix(1);
    constexpr std::string_view k_dir = "/usr/share/zoneinfo/";
    if (name.starts_with(k_dir)) name.remove_prefix(k_dir.size());
    if (name.starts_with("posix/")) name.remove_prefix(6);
    // TZ=:/etc/localtime (and the like) means the system's zone.
    const bool system = name == "/etc/localtime" || name == "localtime";
    if (const auto* zone = system ? nullptr : find_zone(name)) return zone;
    if (system) {
      try {
        return date::current_zone();
      } catch (const std::exception&) {
      }
    }
    if (fixed_abbreviation(name)) {  // a name in the database, refused: say why
      return tl::make_unexpected(
          fmt::format("the TZ environment variable, {}, {}; {}", quote_value(env), zone_problem(name), fix));
    }
    return tl::make_unexpected(fmt::format(
        "the TZ environment variable, {}, is not an IANA time zone name (POSIX rules such as "
        "CET-1CEST are not read); {}",
        quote_value(env), fix));
  }
  try {
    return date::current_zone();
  } catch (const std::exception&) {
    return tl::make_unexpected(
        fmt::format("cannot tell the local time zone; {}", fix));
  }
}

tl::expected<const date::time_zone*, std::string> resolve_zone(const std::string& tz_option,
                                                               const std::vector<Race>& races) {
  if (!tz_option.empty()) return find_zone(tz_option);  // checked while parsing
  const bool timed = std::any_of(races.begin(), races.end(), [](const Race& r) { return r.time; });
  if (!timed) return nullptr;
  return local_zone();
}

tl::expected<void, std::string> check_starts(const std::vector<Race>& races,
                                             const std::vector<std::string>& texts,
                                             const date::time_zone* zone,
                                             std::vector<std::string>& notes) {
  if (zone == nullptr) return {};
  for (std::size_t i = 0; i < races.size(); ++i) {
    const auto checked = check_start(races[i], *zone);
    if (!checked) {
      return tl::make_unexpected(
          fmt::format("--race: {} {}", quote_value(texts[i]), checked.error()));
    }
    if (checked->ambiguous) {
      const Instant start = to_instant(races[i].local_start(), zone);
      notes.push_back(fmt::format(
          "--race: {} happens twice in {} as the clocks go back; using the first, {}",
          quote_value(texts[i]), zone->name(), format_iso(start, zone)));
    }
  }
  return {};
}

tl::expected<Races, std::string> resolve_races(const std::vector<std::string>& texts,
                                               const std::string& tz_option, bool quiet) {
  if (auto wrong = too_many("--race", texts.size(), "races"); !wrong.empty()) {
    return tl::make_unexpected(std::move(wrong));
  }
  Races out;
  out.races = to_races(texts);
  const auto zone = resolve_zone(tz_option, out.races);
  if (!zone) return tl::make_unexpected(zone.error());
  out.zone = *zone;
  std::vector<std::string> notes;
  if (auto ok = check_starts(out.races, texts, out.zone, notes); !ok) {
    return tl::make_unexpected(ok.error());
  }
  if (!quiet) {
    for (const auto& n : notes) print_note(n);
  }
  return out;
}

}  // namespace advise::cli
