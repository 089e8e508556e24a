export * from "./components/button";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./components/card";
export { cn } from "./lib/cn";
export { formatPrice } from "./lib/format";
