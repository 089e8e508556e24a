export const mockMembers = [
  { id: "m1", name: "Ada Lovelace", role: "owner", avatarUrl: "https://avatars.example.test/1.png" },
  { id: "m2", name: "Grace Hopper", role: "admin", avatarUrl: null },
  { id: "m3", name: "Alan Turing", role: "member", avatarUrl: "https://avatars.example.test/3.png" },
  { id: "m4", name: "Katherine Johnson", role: "member", avatarUrl: null },
];

export const mockTeam = {
  id: "t1",
  name: "Analytical Engines",
  plan: "pro",
  members: mockMembers.map((m) => m.id),
};
