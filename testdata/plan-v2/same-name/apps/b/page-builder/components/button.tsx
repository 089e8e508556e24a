import { useRef, useState, type PointerEvent } from "react";

interface DragHandleProps {
  blockId: string;
  onMove: (blockId: string, deltaY: number) => void;
  onDrop?: (blockId: string) => void;
}

// The grip shown left of every block in the page builder; dragging it reorders blocks.
export function Button({ blockId, onMove, onDrop }: DragHandleProps) {
  const startY = useRef<number | null>(null);
  const [dragging, setDragging] = useState(false);

  function handleDown(event: PointerEvent<HTMLSpanElement>) {
    event.currentTarget.setPointerCapture(event.pointerId);
    startY.current = event.clientY;
    setDragging(true);
  }

  function handleMoveEvent(event: PointerEvent<HTMLSpanElement>) {
    if (startY.current === null) return;
    onMove(blockId, event.clientY - startY.current);
  }

  function handleUp() {
    startY.current = null;
    setDragging(false);
    onDrop?.(blockId);
  }

  return (
    <span
      role="button"
      tabIndex={0}
      aria-label="Drag to reorder"
      onPointerDown={handleDown}
      onPointerMove={handleMoveEvent}
      onPointerUp={handleUp}
      style={{ cursor: dragging ? "grabbing" : "grab", touchAction: "none" }}
    >
      ⠿
    </span>
  );
}
