export const broken = (</script> =>
