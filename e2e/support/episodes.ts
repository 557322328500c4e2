/** A five-step weather episode in the canonical format: one tool call, its result, an answer. */
export const weatherEpisode = (id: string, city: string, sky = "sunny") => ({
  id,
  task: { id: `weather-${city}`, prompt: `What is the weather in ${city}?` },
  policy: { name: "qwen3-4b-itl" },
  messages: [
    { role: "system", content: "You answer weather questions with tools." },
    { role: "user", content: `What is the weather in ${city}?` },
    {
      role: "assistant",
      content: null,
      tool_calls: [
        { id: "c1", type: "function", function: { name: "weather_get", arguments: JSON.stringify({ city }) } },
      ],
    },
    { role: "tool", tool_call_id: "c1", content: JSON.stringify({ temp: 18, sky }) },
    { role: "assistant", content: `It is 18 C and ${sky} in ${city}.` },
  ],
  outcome: "pass",
  reward: 1,
});
