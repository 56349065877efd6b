#include "advise/sources.hpp"

#include <array>

namespace advise {
namespace {

// Titles and publishers as guidance.md lists them.
constexpr std::array<Source, 5> k_sources{{
    {SourceKey::nola, "nola", "Sports Massage for Runners: Recover Faster, Run Stronger",
     "NOLA Bliss Massage, New Orleans (author: Sara Albee)"},
    {SourceKey::smr, "smr", "Sports Massage for Runners",
     "a UK sports-massage practice (unnamed in the text)"},
    {SourceKey::massaggi, "massaggi", "Sports massage for runners (injuries, timing, FAQ)",
     "Massaggi, UK"},
    {SourceKey::rva, "rva",
     "The Benefits of Sports Massage Therapy for Runners: Science, Recovery, and Performance",
     "a clinical massage practice in Richmond, VA"},
    {SourceKey::qi, "qi", "The Ultimate Guide to Massage for Runners",
     "Qi Massage & Natural Healing Spa, Winston-Salem"},
}};

}  // namespace

std::span<const Source> sources() { return k_sources; }
const Source& source(SourceKey key) { return k_sources[static_cast<std::size_t>(key)]; }
std::string_view format_as(SourceKey key) { return source(key).name; }

}  // namespace advise
