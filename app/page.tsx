export default function Home() {
  return <main>Atlas Studio</main>;
}
