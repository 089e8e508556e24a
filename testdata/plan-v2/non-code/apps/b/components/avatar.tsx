import Image from "next/image";

export function getInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = words[0][0] ?? "";
  const last = words.length > 1 ? words[words.length - 1][0] ?? "" : "";
  return (first + last).toUpperCase();
}

interface AvatarProps {
  name: string;
  src?: string | null;
  size?: number;
}

export function Avatar({ name, src, size = 40 }: AvatarProps) {
  if (src) {
    return <Image src={src} alt={name} width={size} height={size} className="rounded-full object-cover" />;
  }
  return (
    <span
      aria-label={name}
      style={{ width: size, height: size, fontSize: size * 0.4 }}
      className="inline-flex items-center justify-center rounded-full bg-brand-50 font-medium text-brand-900"
    >
      {getInitials(name)}
    </span>
  );
}
