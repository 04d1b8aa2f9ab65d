// Validation of 5-field cron schedules as Kubernetes CronJob accepts them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace berth::model {

// nullopt when `expr` is a valid schedule ("*/5 * * * *", "0 3 * * MON-FRI", "@daily"), else
// a message naming the bad field and its allowed range.
std::optional<std::string> cron_error(std::string_view expr);

} // namespace berth::model
