"use client";

import { motion, useReducedMotion } from "framer-motion";
import type { ReactNode } from "react";

type Edge = "up" | "down" | "left" | "right" | "none";

interface RevealProps {
  children: ReactNode;
  delay?: number;
  duration?: number;
  direction?: Edge;
  className?: string;
}

const shifts: Record<Edge, { x: number; y: number }> = {
  up: { x: 0, y: 24 },
  down: { x: 0, y: -24 },
  left: { x: 24, y: 0 },
  right: { x: -24, y: 0 },
  none: { x: 0, y: 0 },
};

export function Reveal({ children, delay = 0, duration = 0.5, direction = "up", className }: RevealProps) {
  const prefersReduced = useReducedMotion();
  const shift = shifts[direction];

  if (prefersReduced) {
    return <div className={className}>{children}</div>;
  }

  return (
    <motion.div
      className={className}
      initial={{ opacity: 0, x: shift.x, y: shift.y }}
      whileInView={{ opacity: 1, x: 0, y: 0 }}
      viewport={{ once: true, margin: "-10%" }}
      transition={{ duration, delay, ease: [0.21, 0.47, 0.32, 0.98] }}
    >
      {children}
    </motion.div>
  );
}

export function RevealGroup({ children, interval = 0.1, className }: { children: ReactNode; interval?: number; className?: string }) {
  return (
    <motion.div
      className={className}
      initial="hidden"
      whileInView="visible"
      viewport={{ once: true }}
      variants={{ hidden: {}, visible: { transition: { staggerChildren: interval } } }}
    >
      {children}
    </motion.div>
  );
}
