// Using the rules library directly: build a query, plan, render as text.
// Build: the `advise_example` target; run: build/examples/advise_example
#include <advise/plan.hpp>
#include <advise/render.hpp>
#include <cstdio>

int main() {
  using namespace date::literals;
  advise::Query query;
  query.races = {advise::Race{advise::Day{2026_y / 4 / 12}}};
  query.athlete.phase = advise::Phase::peak;
  query.athlete.last_massage = advise::Day{2026_y / 3 / 30};
  query.today = advise::Day{2026_y / 4 / 1};

  const advise::Plan plan = advise::plan(query, advise::Policy{});
  if (plan.next) {
    std::printf("next session: %s, %s\n", advise::format_day(plan.next->advice.from).c_str(),
                std::string(format_as(*plan.next->advice.intensity)).c_str());
  }
  std::fputs(advise::render_text(plan).c_str(), stdout);
}
